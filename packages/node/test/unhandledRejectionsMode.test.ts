import { describe, expect, it } from 'vitest';
import { unhandledRejectionsMode } from '../src/unhandledRejectionsMode';

describe('unhandledRejectionsMode', () => {
  it('is throw, Node’s default, when no flag says otherwise', () => {
    expect(unhandledRejectionsMode([], undefined)).toBe('throw');
    expect(unhandledRejectionsMode(['--enable-source-maps'], '--max-old-space-size=512')).toBe('throw');
  });

  it('reads the flag from the command line, with = or as the next argument, dashes or underscores', () => {
    expect(unhandledRejectionsMode(['--unhandled-rejections=strict'], undefined)).toBe('strict');
    expect(unhandledRejectionsMode(['--unhandled-rejections', 'none'], undefined)).toBe('none');
    expect(unhandledRejectionsMode(['--unhandled_rejections=warn-with-error-code'], undefined)).toBe(
      'warn-with-error-code',
    );
  });

  it('takes the last flag, and the command line over NODE_OPTIONS, as Node does', () => {
    expect(unhandledRejectionsMode(['--unhandled-rejections=warn', '--unhandled-rejections=none'], undefined)).toBe(
      'none',
    );
    expect(unhandledRejectionsMode(['--unhandled-rejections=strict'], '--unhandled-rejections=none')).toBe('strict');
    expect(unhandledRejectionsMode([], '--unhandled-rejections=warn --unhandled-rejections=none')).toBe('none');
  });

  it('splits NODE_OPTIONS on spaces, keeping quoted values whole', () => {
    expect(unhandledRejectionsMode([], '--require "./my setup.js"  --unhandled-rejections warn')).toBe('warn');
    expect(unhandledRejectionsMode([], '--title "a --unhandled-rejections=none b"')).toBe('throw');
  });

  it('ignores a value Node would not accept', () => {
    expect(unhandledRejectionsMode(['--unhandled-rejections=loud'], undefined)).toBe('throw');
  });
});
