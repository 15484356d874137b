import { captureException, flush } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stormGuardOptionCheck } from '../../src/options/stormGuardOptionCheck';

describe('stormGuardOptionCheck', () => {
  beforeEach(() => resetCarrier());
  afterEach(() => vi.restoreAllMocks());

  it('accepts false and { limit, windowMs }', () => {
    expect(stormGuardOptionCheck(false)).toBeUndefined();
    expect(stormGuardOptionCheck({})).toBeUndefined();
    expect(stormGuardOptionCheck({ limit: 10, windowMs: 1000 })).toBeUndefined();
  });

  it('refuses what is not an object, and leaves out a wrong field, keeping the rest', () => {
    expect(stormGuardOptionCheck(true)).toBe('expected false or { limit, windowMs }');
    expect(stormGuardOptionCheck({ limit: '50', windowMs: 1000, windowsMs: 5 })).toEqual({
      value: { windowMs: 1000 },
      problems: [
        'limit: expected a whole number from 1 to 1000000, got "50"; using the default',
        'windowsMs: unknown field, got 5; using the default',
      ],
    });
  });

  it('keeps the guard on with its default when the option is wrong, and says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { record } = initForTest({
      stormGuard: { limit: 0 },
      integrations: (defaults) => defaults.filter((i) => i.name !== 'Dedupe'),
    });
    for (let i = 0; i < 150; i++) captureException(new Error('loop'));
    await flush(100);
    expect(record.events()).toHaveLength(100);
    expect(warn.mock.calls.flat().join('\n')).toContain('stormGuard (init option): limit: expected a whole number');
  });
});
