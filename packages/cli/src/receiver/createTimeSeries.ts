const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MINUTES_SHOWN = 60;
const HOURS_SHOWN = 24;

/** Counts per bucket over a range that ends with the bucket holding `now`. */
export interface SeriesRange {
  /** Start of the first bucket (ms since the epoch). */
  start: number;
  /** Width of a bucket (ms). */
  step: number;
  /** One count per bucket, oldest first. */
  counts: number[];
}

/** How often something happened: per minute over the last hour, per hour over the last day. */
export interface TimeSeries {
  hour: SeriesRange;
  day: SeriesRange;
}

/**
 * Counts of events per minute for the last hour and per hour for the last day, in at most 60 + 24 buckets
 * whatever the traffic (a bucket that leaves the range is forgotten). `now` is the wall clock, since the
 * buckets are the times events carry; it is passed in so a test can set it.
 */
export function createTimeSeries() {
  const minutes = new Map<number, number>();
  const hours = new Map<number, number>();
  return {
    /** Counts one event that happened at `time` (ms). */
    add(time: number, now: number): void {
      // A time ahead of this clock (a device set in the future) counts now, as Sentry clamps it on arrival.
      const at = Math.min(time, now);
      count(minutes, Math.floor(at / MINUTE), Math.floor(now / MINUTE) - MINUTES_SHOWN + 1, MINUTES_SHOWN);
      count(hours, Math.floor(at / HOUR), Math.floor(now / HOUR) - HOURS_SHOWN + 1, HOURS_SHOWN);
    },
    read(now: number): TimeSeries {
      return { hour: range(minutes, MINUTE, MINUTES_SHOWN, now), day: range(hours, HOUR, HOURS_SHOWN, now) };
    },
  };
}

export type TimeSeriesCounter = ReturnType<typeof createTimeSeries>;

function count(buckets: Map<number, number>, bucket: number, first: number, kept: number): void {
  for (const key of buckets.keys()) if (key < first) buckets.delete(key);
  if (bucket >= first) buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  // After the wall clock stepped back, buckets "ahead" of it stay; the oldest go past the bound.
  while (buckets.size > kept) buckets.delete(Math.min(...buckets.keys()));
}

function range(buckets: Map<number, number>, step: number, shown: number, now: number): SeriesRange {
  const first = Math.floor(now / step) - shown + 1;
  return {
    start: first * step,
    step,
    counts: Array.from({ length: shown }, (_, i) => buckets.get(first + i) ?? 0),
  };
}
