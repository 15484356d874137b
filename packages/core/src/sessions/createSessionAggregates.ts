import type { RequestOutcome, SessionAggregate } from './types';

const MINUTE = 60_000;
/** Distinct users kept apart per flush; beyond them, sessions are counted without a `did`. */
const MAX_USER_BUCKETS = 1000;
/** Buckets of all kinds: past this (a clock gone wild), counts join the newest bucket rather than grow memory. */
const MAX_BUCKETS = 2 * MAX_USER_BUCKETS;

/**
 * Request sessions counted into buckets of the minute they started in (and their user, when known), as
 * Sentry's `sessions` item carries them: `exited`, `errored` (exited with errors), `crashed`, `abnormal`.
 * Memory is bounded whatever the traffic: one counter set per minute and user between two `take`s.
 */
export function createSessionAggregates() {
  const buckets = new Map<number | string, SessionAggregate>();
  let newest: SessionAggregate | undefined;

  function bucketFor(started: number, did: string | undefined): SessionAggregate {
    // The minute as a number: a key costs no date formatting on the per-request path, only a new bucket does.
    const minute = Math.floor(started / MINUTE);
    const user = did !== undefined && buckets.size < MAX_USER_BUCKETS ? did : undefined;
    const key = user === undefined ? minute : `${minute} ${user}`;
    const known = buckets.get(key);
    if (known) return known;
    if (newest && buckets.size >= MAX_BUCKETS) return newest;
    const iso = new Date(minute * MINUTE).toISOString();
    newest = { started: iso, ...(user === undefined ? {} : { did: user }), exited: 0, errored: 0, crashed: 0 };
    buckets.set(key, newest);
    return newest;
  }

  return {
    /** Counts one request session that started at `started` (ms since the epoch) and ended so. */
    record(outcome: RequestOutcome, started: number, did?: string): void {
      const bucket = bucketFor(started, did);
      if (outcome === 'abnormal') bucket.abnormal = (bucket.abnormal ?? 0) + 1;
      else bucket[outcome]++;
    },
    get size(): number {
      return buckets.size;
    },
    /** The buckets counted since the last call, oldest first; the counts start again from zero. */
    take(): SessionAggregate[] {
      const taken = [...buckets.values()];
      buckets.clear();
      newest = undefined;
      return taken;
    },
  };
}
