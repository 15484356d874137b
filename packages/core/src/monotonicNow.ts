/**
 * Milliseconds on a monotonic clock (`performance.now()`, which every supported runtime has): for
 * durations, which a step in the wall clock must not stretch or make negative.
 */
export function monotonicNow(): number {
  const performance = (globalThis as { performance?: { now(): number } }).performance;
  return performance ? performance.now() : Date.now();
}
