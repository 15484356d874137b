import type { QueueEntry } from './createEnvelopeQueue';
import type { Destination, TransportRequest } from './types';

/**
 * The request for an entry, for an attempt or a page-hide hand-off: the destination's headers (never any
 * from disk) and the body as sent at `now` (Sentry's `sent_at` says when this attempt is sent).
 */
export function requestFor(
  destination: Destination,
  entry: Pick<QueueEntry, 'gzip'>,
  body: string | Uint8Array,
  now: number,
): Omit<TransportRequest, 'signal'> {
  return {
    url: destination.url,
    headers: { ...destination.headers, ...(entry.gzip ? { 'Content-Encoding': 'gzip' } : {}) },
    body: destination.stamp ? destination.stamp(body, now) : body,
  };
}
