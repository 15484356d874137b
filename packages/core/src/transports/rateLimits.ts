import type { Envelope } from '../envelope/types';
import type { DataCategory, DropReason } from '../types';
import { filterEnvelope, itemCategory, itemQuantity } from './envelopeQuantities';
import type { TransportMakeRequestResponse } from './types';

/** Category (or `all`) → time (on the transport's monotonic clock) until which it must not be sent. */
export type RateLimits = Record<string, number>;

const DEFAULT_RETRY_AFTER_MS = 60_000;

/**
 * `Retry-After` as seconds or an HTTP date, as a delay in ms; 60 s when absent or unreadable. A date is
 * read against `wallNow` (ms since the epoch): the one place the wall clock enters a delay.
 */
export function parseRetryAfter(header: string | null | undefined, wallNow: number): number {
  if (header) {
    const seconds = Number(header.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - wallNow);
  }
  return DEFAULT_RETRY_AFTER_MS;
}

/** Until when `category` is limited (by its own limit or a limit on all categories); 0 when it is not. */
export function disabledUntil(limits: RateLimits, category: string): number {
  return Math.max(limits[category] ?? 0, limits.all ?? 0);
}

export function isRateLimited(limits: RateLimits, category: string, now: number): boolean {
  return disabledUntil(limits, category) > now;
}

/**
 * Applies a response's rate-limit headers: `X-Sentry-Rate-Limits` (any status) names categories and
 * seconds; otherwise a 429 limits everything for `Retry-After` (or 60 s). Limits end at `now` (monotonic)
 * plus the delay; `wallNow` only reads an HTTP-date `Retry-After`.
 * https://develop.sentry.dev/sdk/expected-features/rate-limiting/
 */
export function updateRateLimits(
  limits: RateLimits,
  response: TransportMakeRequestResponse,
  now: number,
  wallNow = now,
): RateLimits {
  const sentryHeader = responseHeader(response.headers, 'x-sentry-rate-limits');
  if (sentryHeader) {
    const next = { ...limits };
    // Each group: retry_after:categories:scope:reason:namespaces; an empty category list means all.
    for (const group of sentryHeader.trim().split(',')) {
      const [seconds, categories = ''] = group.split(':', 3);
      // `0` means no wait (Sentry reads it so); only an unreadable number falls back to 60 s.
      const parsed = Number.parseInt(seconds ?? '', 10);
      const delay = (Number.isNaN(parsed) ? 60 : parsed) * 1000;
      const names = categories ? categories.split(';') : ['all'];
      for (const name of names) next[name] = Math.max(next[name] ?? 0, now + delay);
    }
    return next;
  }
  if (response.statusCode === 429) {
    return { ...limits, all: now + parseRetryAfter(responseHeader(response.headers, 'retry-after'), wallNow) };
  }
  return limits;
}

/** A response header's value, its name matched case-insensitively. */
export function responseHeader(headers: TransportMakeRequestResponse['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  for (const key in headers) {
    if (key.toLowerCase() === name) return headers[key] ?? undefined;
  }
  return undefined;
}

/** The items of `envelope` a destination may take at `now`: those of limited categories are dropped and counted. */
export function allowedItems(
  envelope: Envelope,
  limits: RateLimits,
  now: number,
  recordDroppedEvent: (reason: DropReason, category: DataCategory, quantity?: number) => void,
): Envelope | undefined {
  return filterEnvelope(envelope, (item) => {
    const category = itemCategory(item);
    if (disabledUntil(limits, category) <= now) return true;
    if (category !== 'internal') recordDroppedEvent('ratelimit_backoff', category, itemQuantity(item));
    return false;
  });
}
