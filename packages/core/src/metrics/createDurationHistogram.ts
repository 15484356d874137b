import type { HistogramSnapshot } from './types';

/** Upper bounds in seconds: from a loopback answer (5 ms) to the transport's 30 s request timeout. */
export const SEND_DURATION_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * A fixed-bucket histogram: an observation is one comparison per bound and one increment, no allocation.
 * `read` gives Prometheus's cumulative counts for the finite bounds; `count` is the `+Inf` bucket.
 */
export function createDurationHistogram(bounds: readonly number[] = SEND_DURATION_BUCKETS) {
  const counts: number[] = new Array<number>(bounds.length + 1).fill(0);
  let sum = 0;
  let total = 0;
  return {
    observe(seconds: number): void {
      if (!(seconds >= 0)) return; // NaN or a clock that went backwards: not a duration
      let i = 0;
      while (i < bounds.length && seconds > bounds[i]!) i++;
      counts[i]!++;
      sum += seconds;
      total++;
    },
    read(): HistogramSnapshot {
      let cumulative = 0;
      const buckets = bounds.map((le, i) => ({ le, count: (cumulative += counts[i]!) }));
      return { buckets, sum, count: total };
    },
  };
}

export type DurationHistogram = ReturnType<typeof createDurationHistogram>;
