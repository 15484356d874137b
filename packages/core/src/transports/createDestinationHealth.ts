/** How long after a failure a destination that answers again is trusted with a beacon. */
export const STEADY_MS = 30_000;

/**
 * Whether a destination is answering, as one small state machine: `healthy` (requests go out up to the
 * concurrency) or `failing` (one probe at a time, not before `until`). One outage is one failure step: the
 * answers of requests that were already in flight when it began do not raise the streak again; only a
 * probe's failure does. Any success makes it healthy at once.
 */
export function createDestinationHealth(backoff: (streak: number) => number) {
  let state: { kind: 'healthy' } | { kind: 'failing'; streak: number; until: number } = { kind: 'healthy' };
  /** Bumped at each failure step: a request started before it belongs to an outage already counted. */
  let generation = 0;
  /** When (monotonic) the last failure was answered, of any request. */
  let lastFailureAt = -Infinity;
  return {
    /** Stamps a request as it starts. */
    start: (): number => generation,
    /** Requests that may be in flight at once now. */
    maxInFlight: (concurrency: number): number => (state.kind === 'healthy' ? concurrency : 1),
    /**
     * No failure since the last success, or no answer yet (a destination that could not have failed yet
     * counts as healthy): what a page hiding needs before it hands an envelope to a beacon.
     */
    isHealthy: (): boolean => state.kind === 'healthy',
    /**
     * Healthy, and no failure answered in the last `STEADY_MS`: what a page hiding needs before it hands an
     * envelope to a beacon, whose answer is never seen. A destination that failed a moment ago and answered
     * once since (flapping, or just back) may fail the beacon as well; its envelopes wait for the next page.
     */
    isSteady: (now: number): boolean => state.kind === 'healthy' && now - lastFailureAt >= STEADY_MS,
    /** Until when nothing may be sent (0 when healthy). */
    pausedUntil: (): number => (state.kind === 'failing' ? state.until : 0),
    succeeded(): void {
      state = { kind: 'healthy' };
    },
    /** A failure of a request stamped `stamp`, asked (by `Retry-After`) to wait until `pauseUntil` at least. */
    failed(stamp: number, now: number, pauseUntil = 0): void {
      lastFailureAt = now;
      if (stamp !== generation) {
        // Its outage is counted already (or over: a success came since).
        if (state.kind === 'failing') state = { ...state, until: Math.max(state.until, pauseUntil) };
        return;
      }
      generation++;
      const streak = state.kind === 'failing' ? state.streak + 1 : 1;
      state = { kind: 'failing', streak, until: Math.max(now + backoff(streak), pauseUntil) };
    },
    /**
     * Try now (the network is back, the page is shown again, the app asked for a flush); the streak is kept.
     * A failure answered later to a request started before this (a page restored from the back/forward
     * cache gets the answer to the probe it sent as it was hidden) does not pause it again.
     */
    resume(): void {
      if (state.kind !== 'failing') return;
      state = { ...state, until: 0 };
      generation++;
    },
  };
}

export type DestinationHealth = ReturnType<typeof createDestinationHealth>;
