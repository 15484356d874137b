import type { TransportStats } from '../metrics/types';
import type { QueueEntry } from './createEnvelopeQueue';
import type { RateLimits } from './rateLimits';

/**
 * A transport's gauges, worked out when metrics are read (one pass over its queue), never per event.
 * `journalDurable` is undefined without a journal. Limits still in force are given in wall-clock seconds
 * since the epoch, whatever clock keeps them (`now`, in ms); those past are 0, as is `all` when unlimited.
 */
export function transportStats(
  entries: Iterable<QueueEntry>,
  queueCapacity: number,
  journalDurable: boolean | undefined,
  limits: RateLimits,
  now = Date.now(),
  wallNow = now,
): TransportStats {
  let queueDepth = 0;
  let journalBytes = 0;
  for (const entry of entries) {
    queueDepth++;
    if (entry.journaled) journalBytes += entry.bytes;
  }
  const rateLimitedUntil: Record<string, number> = { all: 0 };
  for (const [category, until] of Object.entries(limits)) {
    rateLimitedUntil[category] = until > now ? (wallNow + until - now) / 1000 : 0;
  }
  return { queueDepth, queueCapacity, journalBytes, journalDurable: journalDurable === true, rateLimitedUntil };
}
