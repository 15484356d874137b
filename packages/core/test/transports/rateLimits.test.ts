import { describe, expect, it } from 'vitest';
import { disabledUntil, parseRetryAfter, updateRateLimits } from '../../src/transports/rateLimits';

const now = 1_000_000;

describe('parseRetryAfter', () => {
  it('reads seconds, an HTTP date, and falls back to 60 s', () => {
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000 - (now % 1000));
    expect(parseRetryAfter(undefined, now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBe(60_000);
  });
});

describe('updateRateLimits', () => {
  it('limits everything for 60 s on a bare 429', () => {
    const limits = updateRateLimits({}, { statusCode: 429 }, now);
    expect(disabledUntil(limits, 'error')).toBe(now + 60_000);
    expect(disabledUntil(limits, 'log_item')).toBe(now + 60_000);
  });

  it('reads several X-Sentry-Rate-Limits groups, on any status, case-insensitively', () => {
    const limits = updateRateLimits(
      {},
      { statusCode: 200, headers: { 'X-Sentry-Rate-Limits': '30:error;log_item:key, 10::organization' } },
      now,
    );
    expect(limits).toEqual({ error: now + 30_000, log_item: now + 30_000, all: now + 10_000 });
    expect(disabledUntil(limits, 'internal')).toBe(now + 10_000);
  });

  it('prefers X-Sentry-Rate-Limits over Retry-After on a 429', () => {
    const limits = updateRateLimits(
      {},
      { statusCode: 429, headers: { 'retry-after': '100', 'x-sentry-rate-limits': '5:error' } },
      now,
    );
    expect(limits).toEqual({ error: now + 5000 });
  });

  it('ends a limit on the monotonic clock, reading an HTTP-date Retry-After against the wall clock', () => {
    const wall = Date.UTC(2030, 0, 1);
    const response = { statusCode: 429, headers: { 'retry-after': new Date(wall + 30_000).toUTCString() } };
    expect(updateRateLimits({}, response, 500, wall)).toEqual({ all: 500 + 30_000 });
  });

  it('leaves limits alone for a plain success', () => {
    const limits = { error: now + 1 };
    expect(updateRateLimits(limits, { statusCode: 200 }, now)).toBe(limits);
  });
});
