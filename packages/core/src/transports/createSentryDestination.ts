import { serializeEnvelope } from '../envelope/serializeEnvelope';
import type { Event } from '../types';
import { fitEventToSize } from './fitEventToSize';
import type { Destination } from './types';

/** Relay refuses events over 1 MiB; a little is kept back for the envelope and item headers. */
export const SENTRY_MAX_EVENT_BYTES = 1024 * 1024 - 1024;

export interface SentryDestinationOptions {
  /** The ingest URL (from the DSN, with `sentry_key` in the query) or a tunnel URL. */
  url: string;
  headers?: Record<string, string>;
  maxEventBytes?: number;
}

/** Sends envelopes as they are to a Sentry-compatible endpoint, each event trimmed to fit the limit. */
/* @__NO_SIDE_EFFECTS__ */
export function createSentryDestination(options: SentryDestinationOptions): Destination {
  const maxEventBytes = options.maxEventBytes ?? SENTRY_MAX_EVENT_BYTES;
  return {
    name: 'sentry',
    url: options.url,
    headers: options.headers,
    encode([headers, items]) {
      const sized = items.map(([itemHeaders, payload]) =>
        itemHeaders.type === 'event'
          ? ([itemHeaders, fitEventToSize(payload as Event, maxEventBytes)] as const)
          : ([itemHeaders, payload] as const),
      );
      return { body: serializeEnvelope([headers, sized.map(([h, p]) => [h, p])]) };
    },
    stamp: stampSentAt,
  };
}

/** The envelope with its header's `sent_at` set to `now`: when this attempt is sent, not when it was made. */
export function stampSentAt(body: string | Uint8Array, now: number): string | Uint8Array {
  if (typeof body !== 'string') return body;
  const end = body.indexOf('\n');
  try {
    const header = JSON.parse(end < 0 ? body : body.slice(0, end)) as Record<string, unknown>;
    header.sent_at = new Date(now).toISOString();
    return JSON.stringify(header) + (end < 0 ? '' : body.slice(end));
  } catch {
    return body;
  }
}
