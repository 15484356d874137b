import { describe, expect, it } from 'vitest';
import { estimateLogBytes } from '../../src/logs/estimateLogBytes';
import { toLogAttribute } from '../../src/logs/toLogAttribute';

describe('estimateLogBytes', () => {
  it('guesses at least the JSON size of a record with nested attributes, within a small margin', () => {
    const nested = { db: { host: 'db-1.internal', port: 5432 }, sessions: [{ id: 's-1' }, { id: 's-2' }] };
    const log = { timestamp: 1, level: 'info', body: 'db connect', attributes: { nested: toLogAttribute(nested) } };
    const json = JSON.stringify({ ...log, attributes: { nested: { value: JSON.stringify(nested), type: 'string' } } });
    const estimate = estimateLogBytes(log);
    expect(estimate).toBeGreaterThanOrEqual(json.length);
    expect(estimate).toBeLessThan(json.length + 250);
  });

  it('counts a huge nested attribute as at most its Sentry string (8 KiB)', () => {
    const huge = toLogAttribute(
      Array.from({ length: 900 }, (_, i) => ({ i, text: 'x'.repeat(50) })),
      {
        maxBreadth: 1000,
      },
    );
    const estimate = estimateLogBytes({ timestamp: 1, level: 'info', body: '', attributes: { huge } });
    expect(estimate).toBeLessThan(8192 + 200);
    expect(estimate).toBeGreaterThan(8192);
  });
});
