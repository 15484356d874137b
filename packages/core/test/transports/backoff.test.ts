import { describe, expect, it } from 'vitest';
import { classifyStatus, fullJitterBackoff } from '../../src/transports/backoff';

describe('fullJitterBackoff', () => {
  it('stays within [0, min(cap, base × 2^streak))', () => {
    for (let streak = 0; streak < 40; streak++) {
      const delay = fullJitterBackoff(streak, 1000, 60_000);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(60_000, 1000 * 2 ** streak));
    }
  });
});

describe('classifyStatus', () => {
  it.each([
    [500, 'server_error'],
    [408, 'server_error'],
    [502, 'unreachable'],
    [503, 'unreachable'],
    [504, 'unreachable'],
    [429, 'rate_limited'],
    [400, 'permanent'],
    [401, 'permanent'],
    [413, 'permanent'],
  ] as const)('treats %i as %s', (status, kind) => expect(classifyStatus(status)).toBe(kind));
});
