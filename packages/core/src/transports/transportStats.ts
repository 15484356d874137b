import type { TransportState, TransportStats } from '../metrics/types';

/**
 * A transport's gauges, worked out from its state when metrics are read (one pass over its queue), never
 * per event. Limits still in force are given in wall-clock seconds since the epoch, whatever clock keeps
 * them (`state.now`); those past are 0, as is `all` when unlimited. Not durable without a journal.
 */
export function transportStats(state: TransportState, wallNow = Date.now()): TransportStats {
  let queueDepth = 0;
  let journalBytes = 0;
  for (const entry of state.entries) {
    queueDepth++;
    if (entry.journaled) journalBytes += entry.bytes;
  }
  const rateLimitedUntil: Record<string, number> = { all: 0 };
  for (const [category, until] of Object.entries(state.limits)) {
    rateLimitedUntil[category] = until > state.now ? (wallNow + until - state.now) / 1000 : 0;
  }
  return {
    queueDepth,
    queueCapacity: state.capacity,
    journalBytes,
    journalDurable: state.durable === true,
    rateLimitedUntil,
  };
}
