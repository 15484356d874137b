import { describe, expect, it } from 'vitest';
import { createDurationHistogram } from '../../src/metrics/createDurationHistogram';

describe('createDurationHistogram', () => {
  it('counts each observation in the first bucket whose bound it does not exceed, cumulatively', () => {
    const histogram = createDurationHistogram([0.1, 1, 10]);
    for (const seconds of [0.05, 0.1, 0.5, 3, 60]) histogram.observe(seconds);
    expect(histogram.read()).toEqual({
      buckets: [
        { le: 0.1, count: 2 }, // a bound is inclusive, as Prometheus's `le` says
        { le: 1, count: 3 },
        { le: 10, count: 4 },
      ],
      sum: 63.65,
      count: 5, // the +Inf bucket
    });
  });

  it('ignores what is not a duration (NaN, negative) rather than corrupting the sum', () => {
    const histogram = createDurationHistogram([1]);
    histogram.observe(Number.NaN);
    histogram.observe(-0.5);
    histogram.observe(0.5);
    expect(histogram.read()).toEqual({ buckets: [{ le: 1, count: 1 }], sum: 0.5, count: 1 });
  });

  it('starts every bucket at 0, so each series exists before the first send', () => {
    const read = createDurationHistogram().read();
    expect(read.count).toBe(0);
    expect(read.buckets.map((b) => b.le)).toEqual([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]);
    expect(read.buckets.every((b) => b.count === 0)).toBe(true);
  });
});
