import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../src/transports/createEnvelopeQueue';
import { transportStats } from '../../src/transports/transportStats';

const entry = (bytes: number, journaled: boolean): QueueEntry => ({
  id: `e${bytes}`,
  createdAt: 0,
  bornAt: 0,
  bytes,
  gzip: false,
  quantities: { error: 1 },
  body: 'x',
  state: 'queued',
  attempts: 0,
  notBefore: 0,
  journaled,
});

describe('transportStats', () => {
  it('counts the queue and the bytes of its journaled entries', () => {
    const entries = [entry(100, true), entry(40, false), entry(7, true)];
    const stats = transportStats({ entries, capacity: 10_000, durable: true, limits: {}, now: 0 });
    expect(stats).toEqual({
      queueDepth: 3,
      queueCapacity: 10_000,
      journalBytes: 107,
      journalDurable: true,
      rateLimitedUntil: { all: 0 },
    });
  });

  it('says not durable without a journal, or when the journal cannot keep what it is given', () => {
    const state = { entries: [], capacity: 100, limits: {}, now: 0 };
    expect(transportStats({ ...state, durable: undefined }).journalDurable).toBe(false);
    expect(transportStats({ ...state, durable: false }).journalDurable).toBe(false);
  });

  it('gives limits in force as wall-clock seconds, whatever clock keeps them, and past ones as 0', () => {
    // Limits kept on a monotonic clock (now = 5,000 ms) whose wall time is 1,700,000,000,000 ms.
    const limits = { error: 65_000, log_item: 4_000, all: 5_000 };
    const stats = transportStats({ entries: [], capacity: 100, durable: true, limits, now: 5_000 }, 1_700_000_000_000);
    expect(stats.rateLimitedUntil).toEqual({ error: 1_700_000_060, log_item: 0, all: 0 });
  });
});
