import { describe, expect, it } from 'vitest';
import { createTimeSeries } from '../../src/receiver/createTimeSeries';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// 14:37:20 on some day: not on a bucket boundary, so "the current minute" started 20 s ago.
const NOW = Date.UTC(2026, 0, 15, 14, 37, 20);

describe('createTimeSeries', () => {
  it('counts per minute over the 60 minutes ending with the current one, and per hour over the last 24', () => {
    const series = createTimeSeries();
    for (const time of [NOW - 1000, NOW - 15_000, NOW - 21_000, NOW - 59 * MINUTE, NOW - 60 * MINUTE, NOW - 5 * HOUR])
      series.add(time, NOW);
    const { hour, day } = series.read(NOW);
    expect(hour.step).toBe(MINUTE);
    expect(hour.start).toBe(Date.UTC(2026, 0, 15, 13, 38));
    expect(hour.counts).toHaveLength(60);
    // now − 1 s and now − 15 s: this minute; now − 21 s: the minute before; now − 59 min: the first bucket.
    expect(hour.counts.at(-1)).toBe(2);
    expect(hour.counts.at(-2)).toBe(1);
    expect(hour.counts[0]).toBe(1);
    expect(hour.counts.reduce((a, b) => a + b)).toBe(4); // now − 60 min and now − 5 h are older than the hour
    expect(day.step).toBe(HOUR);
    expect(day.start).toBe(Date.UTC(2026, 0, 14, 15));
    expect(day.counts).toHaveLength(24);
    expect(day.counts.at(-1)).toBe(3); // since 14:00
    expect(day.counts.at(-2)).toBe(2); // 13:37:20 and 13:38:20
    expect(day.counts.at(-6)).toBe(1); // 09:37:20
  });

  it('moves the buckets along as time passes, forgetting what left the range', () => {
    const series = createTimeSeries();
    series.add(NOW, NOW);
    expect(series.read(NOW + 30 * MINUTE).hour.counts[29]).toBe(1);
    expect(series.read(NOW + HOUR).hour.counts.every((count) => count === 0)).toBe(true);
    expect(series.read(NOW + HOUR).day.counts.at(-2)).toBe(1);
    expect(series.read(NOW + 24 * HOUR).day.counts.every((count) => count === 0)).toBe(true);
  });

  it('counts an event stamped ahead of this clock (a device set in the future) now', () => {
    const series = createTimeSeries();
    series.add(NOW + 3 * HOUR, NOW);
    expect(series.read(NOW).hour.counts.at(-1)).toBe(1);
    expect(series.read(NOW).day.counts.at(-1)).toBe(1);
  });

  it('never keeps more than 60 minute and 24 hour buckets, whatever times it is given', () => {
    const series = createTimeSeries();
    // A wall clock that steps back an hour a thousand times: the buckets "ahead" of it cannot pile up.
    for (let i = 0; i < 1000; i++) series.add(NOW - i * HOUR, NOW - i * HOUR);
    const { hour, day } = series.read(NOW);
    expect(hour.counts.reduce((a, b) => a + b)).toBe(1);
    expect(day.counts.reduce((a, b) => a + b)).toBeLessThanOrEqual(24);
  });
});
