import type { DropReason } from '../types';
import { classifyStatus } from './backoff';
import { disabledUntil, parseRetryAfter, responseHeader, type RateLimits } from './rateLimits';
import type { TransportMakeRequestResponse } from './types';

/** What one attempt's outcome means for its envelope, and what it says of the destination. */
export interface Decision {
  /** `retry.attempt`: whether this failure counts toward the envelope's attempts. */
  envelope:
    { kind: 'delivered' } | { kind: 'drop'; reason: DropReason } | { kind: 'retry'; at: number; attempt: boolean };
  /** `failing`: one probe at a time from now on, and none before `pauseUntil` (`Retry-After`). */
  destination: { kind: 'healthy' } | { kind: 'failing'; pauseUntil?: number } | { kind: 'rate_limited' };
}

export interface OutcomeInput {
  /** The response, or undefined when the request failed (network error, timeout). */
  response: TransportMakeRequestResponse | undefined;
  /** Rate limits after this response was applied. */
  limits: RateLimits;
  /** The envelope's categories (none: a client report) and its earlier failed attempts. */
  categories: string[];
  attempts: number;
  /** Monotonic ms: every time in the decision is on this clock. */
  now: number;
  /** Ms since the epoch, to read an HTTP-date `Retry-After` (default: `now`). */
  wallNow?: number;
  maxAttempts: number;
  /** The delay before the next attempt of an envelope that failed `attempts` times (always > 0). */
  retryDelay(attempts: number): number;
  isPermanent?: (statusCode: number) => boolean;
}

/**
 * The one decision per delivery outcome. Every non-success yields a time in the future, so no outcome can
 * loop hot: a 429 whose limits name other categories, or a limit of 0 s, still waits a backoff step.
 * https://develop.sentry.dev/sdk/expected-features/rate-limiting/
 */
export function decideOutcome(input: OutcomeInput): Decision {
  const { response, now } = input;
  if (response && response.statusCode >= 200 && response.statusCode < 300) {
    return { envelope: { kind: 'delivered' }, destination: { kind: 'healthy' } };
  }
  const kind = response ? classifyStatus(response.statusCode, input.isPermanent) : 'unreachable';
  const retryAfter = responseHeader(response?.headers, 'retry-after');
  const pauseUntil =
    retryAfter !== undefined && kind !== 'rate_limited'
      ? now + parseRetryAfter(retryAfter, input.wallNow ?? now)
      : undefined;
  const destination: Decision['destination'] =
    kind === 'permanent' ? { kind: 'healthy' } : kind === 'rate_limited' ? { kind } : { kind: 'failing', pauseUntil };
  if (kind === 'permanent') return { envelope: { kind: 'drop', reason: 'send_error' }, destination };
  // A client report is not retried: its counts are carried into the next report instead.
  if (input.categories.length === 0) return { envelope: { kind: 'drop', reason: 'network_error' }, destination };

  if (kind === 'unreachable') {
    // The destination's health paces these (one probe after a backoff that a flush may cut short, when
    // the network comes back): the envelope is not held responsible for an outage.
    return { envelope: { kind: 'retry', at: pauseUntil ?? now, attempt: false }, destination };
  }
  const backoffAt = now + input.retryDelay(input.attempts + 1);
  if (kind === 'rate_limited') {
    const limitedUntil = Math.max(0, ...input.categories.map((category) => disabledUntil(input.limits, category)));
    // Limited as asked: wait for the limit, not an attempt. Not limited (other categories, 0 s): a failed step.
    if (limitedUntil > now) {
      return { envelope: { kind: 'retry', at: Math.max(limitedUntil, backoffAt), attempt: false }, destination };
    }
  }
  if (input.attempts + 1 >= input.maxAttempts) return { envelope: { kind: 'drop', reason: 'send_error' }, destination };
  return { envelope: { kind: 'retry', at: Math.max(backoffAt, pauseUntil ?? 0), attempt: true }, destination };
}
