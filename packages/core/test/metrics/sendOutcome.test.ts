import { describe, expect, it } from 'vitest';
import { sendOutcome } from '../../src/metrics/sendOutcome';
import { decideOutcome, type OutcomeInput } from '../../src/transports/decideOutcome';
import { updateRateLimits } from '../../src/transports/rateLimits';
import type { TransportMakeRequestResponse } from '../../src/transports/types';

const now = 1_700_000_000_000;
function outcomeOf(response: TransportMakeRequestResponse | undefined, overrides: Partial<OutcomeInput> = {}) {
  const limits = response ? updateRateLimits({}, response, now) : {};
  return sendOutcome(
    decideOutcome({
      response,
      limits,
      categories: ['error'],
      attempts: 0,
      now,
      maxAttempts: 3,
      retryDelay: () => 1000,
      ...overrides,
    }),
  );
}

describe('sendOutcome', () => {
  it('counts a 2xx as ok, also when it names a rate limit for later envelopes', () => {
    expect(outcomeOf({ statusCode: 200 })).toBe('ok');
    expect(outcomeOf({ statusCode: 202, headers: { 'x-sentry-rate-limits': '60:error' } })).toBe('ok');
  });

  it('counts a failure that is retried as retry: no answer, 5xx, 408', () => {
    expect(outcomeOf(undefined)).toBe('retry');
    expect(outcomeOf({ statusCode: 503 })).toBe('retry');
    expect(outcomeOf({ statusCode: 500 })).toBe('retry');
    expect(outcomeOf({ statusCode: 408 })).toBe('retry');
  });

  it('counts the last failed attempt as retry too (its loss is counted with send_error)', () => {
    expect(outcomeOf({ statusCode: 500 }, { attempts: 2 })).toBe('retry');
  });

  it('counts a permanent answer as rejected: 4xx, and what the destination calls permanent (Loki 400)', () => {
    expect(outcomeOf({ statusCode: 401 })).toBe('rejected');
    expect(outcomeOf({ statusCode: 413 })).toBe('rejected');
    expect(outcomeOf({ statusCode: 400 }, { isPermanent: (status) => status === 400 })).toBe('rejected');
  });

  it('counts a 429 as rate_limited', () => {
    expect(outcomeOf({ statusCode: 429, headers: { 'retry-after': '30' } })).toBe('rate_limited');
    expect(outcomeOf({ statusCode: 429, headers: { 'x-sentry-rate-limits': '60:transaction' } })).toBe('rate_limited');
  });
});
