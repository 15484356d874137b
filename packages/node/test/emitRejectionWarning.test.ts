import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitRejectionWarning } from '../src/emitRejectionWarning';

describe('emitRejectionWarning', () => {
  afterEach(() => vi.restoreAllMocks());

  it('emits Node’s two warnings: the reason’s stack, then what to do about it', () => {
    const warnings: unknown[][] = [];
    vi.spyOn(process, 'emitWarning').mockImplementation((...args: unknown[]) => void warnings.push(args));
    const reason = new Error('job failed');
    emitRejectionWarning(reason);
    expect(warnings[0]).toEqual([reason.stack, 'UnhandledPromiseRejectionWarning']);
    const advice = warnings[1]![0] as Error;
    expect(advice.name).toBe('UnhandledPromiseRejectionWarning');
    expect(advice.message).toMatch(
      /^Unhandled promise rejection\. .*--unhandled-rejections=strict.*\(rejection id: \d+\)$/,
    );
    emitRejectionWarning('a string');
    expect(warnings[2]).toEqual(['a string', 'UnhandledPromiseRejectionWarning']);
  });

  it('never throws, whatever process.emitWarning does', () => {
    vi.spyOn(process, 'emitWarning').mockImplementation(() => {
      throw new Error('a warning listener failed');
    });
    expect(() => emitRejectionWarning(new Error('x'))).not.toThrow();
  });
});
