import { describe, expect, it } from 'vitest';
import { createSessionAggregates } from '../../src/sessions/createSessionAggregates';

const at = (minute: number, second = 0) => Date.UTC(2026, 0, 2, 3, minute, second);

describe('createSessionAggregates', () => {
  it('counts sessions into the minute they started in, per user, by outcome', () => {
    const aggregates = createSessionAggregates();
    aggregates.record('exited', at(4, 1));
    aggregates.record('exited', at(4, 59));
    aggregates.record('errored', at(4, 30));
    aggregates.record('crashed', at(5, 0), 'user-1');
    aggregates.record('abnormal', at(5, 10), 'user-1');
    aggregates.record('exited', at(5, 20));
    expect(aggregates.take()).toEqual([
      { started: '2026-01-02T03:04:00.000Z', exited: 2, errored: 1, crashed: 0 },
      { started: '2026-01-02T03:05:00.000Z', did: 'user-1', exited: 0, errored: 0, crashed: 1, abnormal: 1 },
      { started: '2026-01-02T03:05:00.000Z', exited: 1, errored: 0, crashed: 0 },
    ]);
    expect(aggregates.take()).toEqual([]);
  });

  it('keeps memory bounded: past 1000 users, sessions are counted without a did', () => {
    const aggregates = createSessionAggregates();
    for (let i = 0; i < 5000; i++) aggregates.record('exited', at(4), `user-${i}`);
    expect(aggregates.size).toBe(1001);
    const buckets = aggregates.take();
    expect(buckets.reduce((sum, bucket) => sum + bucket.exited, 0)).toBe(5000);
    expect(buckets.find((bucket) => bucket.did === undefined)!.exited).toBe(4000);
  });

  it('keeps memory bounded when the clock jumps around: counts join the newest bucket, none is lost', () => {
    const aggregates = createSessionAggregates();
    for (let i = 0; i < 10_000; i++) aggregates.record('errored', i * 60_000);
    expect(aggregates.size).toBe(2000);
    expect(aggregates.take().reduce((sum, bucket) => sum + bucket.errored, 0)).toBe(10_000);
  });
});
