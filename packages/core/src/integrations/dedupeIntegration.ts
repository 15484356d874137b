import type { Integration } from '../client/types';
import { getEventFingerprint } from '../fingerprint';
import type { Event } from '../types';

export interface DedupeOptions {
  /** How long an event's fingerprint and message stay remembered, in ms. Default 60 s. */
  windowMs?: number;
  /** How many distinct events are remembered at once. Default 500. */
  maxKeys?: number;
}

/**
 * Drops an event when one with the same fingerprint and message was already sent within the window —
 * not only when it equals the previous event, so interleaved repeats are caught too.
 */
/* @__NO_SIDE_EFFECTS__ */
export function dedupeIntegration(options: DedupeOptions = {}): Integration {
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 500;
  // Insertion order is age order: a repeat is deleted and re-inserted, so the first key is the oldest.
  const seen = new Map<string, number>();
  return {
    name: 'Dedupe',
    processEvent(event) {
      const key = dedupeKey(event);
      const now = Date.now();
      const last = seen.get(key);
      if (last !== undefined && now - last < windowMs) return null;
      seen.delete(key);
      seen.set(key, now);
      if (seen.size > maxKeys) seen.delete(seen.keys().next().value as string);
      return event;
    },
  };
}

/**
 * The fingerprint ignores line numbers so that groups survive releases; a duplicate must also come from
 * the same line, or two different throw sites in one function would hide each other.
 */
function dedupeKey(event: Event): string {
  const values = event.exception?.values;
  const main = values?.[values.length - 1];
  if (!main) return `${getEventFingerprint(event)}|${event.message ?? ''}`;
  const top = main.stacktrace?.frames.at(-1);
  return `${getEventFingerprint(event)}|${main.type}: ${main.value}|${top?.lineno}:${top?.colno}`;
}
