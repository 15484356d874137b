import type { QueueEntry } from './createEnvelopeQueue';
import type { DestinationHealth } from './createDestinationHealth';

/** What `mayHandOff` weighs: the destination's state and the entry's, at one moment. */
export interface HandOffInput {
  /** `isSteady`: healthy, no failure in the last 30 s (or no answer yet); `pausedUntil`: 0 when not paused. */
  health: Pick<DestinationHealth, 'isSteady' | 'pausedUntil'>;
  /** Until when a rate limit holds one of the entry's categories; 0 when none does. */
  limitedUntil: number;
  entry: Pick<QueueEntry, 'state' | 'notBefore' | 'body'>;
  now: number;
}

/**
 * Whether an entry may be handed to a delivery whose answer is never seen (a beacon as the page goes away)
 * and forgotten. Only when, as far as the transport knows, it would land: the destination is steady (no
 * failure since its last success nor in the last 30 s; one that could not have failed yet counts as
 * steady — a flapping destination, answering between failures, does not), not paused, no rate limit holds the
 * entry's categories, the entry is neither on the wire nor waiting out a backoff of its own, and its body
 * is in memory (a page going away cannot wait for a read). Anything else stays in the journal for the next
 * page, or for this one when it is shown again. The platform's delivery may still decline (a browser that
 * is offline), and the entry then stays too.
 */
export function mayHandOff({ health, limitedUntil, entry, now }: HandOffInput): boolean {
  if (entry.state === 'sending' || entry.body === undefined) return false;
  if (!health.isSteady(now) || health.pausedUntil() > now || limitedUntil > now) return false;
  return entry.state !== 'waiting' || entry.notBefore <= now;
}
