import { describe, expect, it } from 'vitest';
import { decideOutcome, type OutcomeInput } from '../../src/transports/decideOutcome';
import { updateRateLimits } from '../../src/transports/rateLimits';

const now = 1_000_000;
const decide = (statusCode: number | undefined, overrides: Partial<OutcomeInput> = {}, headers = {}) => {
  const response = statusCode === undefined ? undefined : { statusCode, headers };
  return decideOutcome({
    response,
    limits: response ? updateRateLimits({}, response, now) : {},
    categories: ['error'],
    attempts: 0,
    now,
    maxAttempts: 3,
    retryDelay: (step) => 100 * step,
    ...overrides,
  });
};

describe('decideOutcome', () => {
  it('delivers on 2xx and marks the destination healthy', () => {
    expect(decide(202)).toEqual({ envelope: { kind: 'delivered' }, destination: { kind: 'healthy' } });
  });

  it('drops on a permanent 4xx without retrying', () => {
    expect(decide(400).envelope).toEqual({ kind: 'drop', reason: 'send_error' });
    expect(decide(413).destination).toEqual({ kind: 'healthy' });
  });

  it('retries an outage without holding it against the envelope, paced by the destination', () => {
    expect(decide(undefined)).toEqual({
      envelope: { kind: 'retry', at: now, attempt: false },
      destination: { kind: 'failing', pauseUntil: undefined },
    });
    expect(decide(503, {}, { 'retry-after': '7' })).toEqual({
      envelope: { kind: 'retry', at: now + 7000, attempt: false },
      destination: { kind: 'failing', pauseUntil: now + 7000 },
    });
  });

  it('pauses until an HTTP-date Retry-After read against the wall clock, on the monotonic clock', () => {
    const wallNow = Date.UTC(2030, 0, 1);
    const decision = decide(503, { wallNow }, { 'retry-after': new Date(wallNow + 9000).toUTCString() });
    expect(decision.destination).toEqual({ kind: 'failing', pauseUntil: now + 9000 });
  });

  it('counts a 500 toward the attempts and gives up after the last one', () => {
    expect(decide(500, { attempts: 1 }).envelope).toEqual({ kind: 'retry', at: now + 200, attempt: true });
    expect(decide(500, { attempts: 2 }).envelope).toEqual({ kind: 'drop', reason: 'send_error' });
  });

  it('waits out a 429 that limits the category, without counting an attempt', () => {
    expect(decide(429, {}, { 'retry-after': '30' })).toEqual({
      envelope: { kind: 'retry', at: now + 30_000, attempt: false },
      destination: { kind: 'rate_limited' },
    });
  });

  it('yields a future time for a 429 that names other categories, or a limit of 0 s', () => {
    for (const limit of ['60:transaction', '0:error']) {
      const decision = decide(429, {}, { 'x-sentry-rate-limits': limit });
      expect(decision.envelope).toEqual({ kind: 'retry', at: now + 100, attempt: true });
    }
  });

  it('never retries a client report (no categories): its counts are carried forward instead', () => {
    expect(decide(503, { categories: [] }).envelope).toEqual({ kind: 'drop', reason: 'network_error' });
  });
});
