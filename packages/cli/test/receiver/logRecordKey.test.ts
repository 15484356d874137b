import { describe, expect, it } from 'vitest';
import { logRecordKey } from '../../src/receiver/logRecordKey';

const record = { timestamp: 1_700_000_000_123.456, level: 'warn', body: 'Stock low', traceId: 'a'.repeat(32) };

describe('logRecordKey', () => {
  it('is the same for a record and its copy whose level is spelt the Loki way and time kept in microseconds', () => {
    expect(logRecordKey({ ...record, level: 'warning' })).toBe(logRecordKey(record));
    // Seconds × 1000 (the DSN's copy) against nanoseconds ÷ 1e6 (Loki's): the same microsecond.
    expect(logRecordKey({ ...record, timestamp: 1_700_000_000.123456 * 1000 })).toBe(
      logRecordKey({ ...record, timestamp: Number(1_700_000_000_123_456_000n / 1000n) / 1000 }),
    );
  });

  it('differs when the time, the message, the trace or the level differ', () => {
    const key = logRecordKey(record);
    expect(logRecordKey({ ...record, timestamp: record.timestamp + 0.001 })).not.toBe(key);
    expect(logRecordKey({ ...record, body: 'Stock low!' })).not.toBe(key);
    expect(logRecordKey({ ...record, traceId: 'b'.repeat(32) })).not.toBe(key);
    expect(logRecordKey({ ...record, traceId: undefined })).not.toBe(key);
    expect(logRecordKey({ ...record, level: 'error' })).not.toBe(key);
  });
});
