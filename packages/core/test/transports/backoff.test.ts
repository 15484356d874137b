import { describe, expect, it } from 'vitest';
import { classifyStatus, jitteredBackoff } from '../../src/transports/backoff';

describe('jitteredBackoff', () => {
  it('stays within [½, 1] × min(cap, base × 2^(step − 1)), never below half a step', () => {
    for (let step = 1; step < 40; step++) {
      const ceiling = Math.min(60_000, 1000 * 2 ** (step - 1));
      const delay = jitteredBackoff(step, 1000, 60_000);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
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
