import { eventFromUnknown, getEventFingerprint } from '@faultline/core';
import type { Event } from '@faultline/core';
import { describe, expect, it } from 'vitest';

const withFrames = (type: string, value: string, file: string, line: number): Event => ({
  exception: {
    values: [
      { type, value, stacktrace: { frames: [{ function: 'checkout', filename: file, lineno: line, in_app: true }] } },
    ],
  },
});

describe('getEventFingerprint', () => {
  it('ignores messages, line numbers, query strings and build hashes', () => {
    const a = withFrames('TypeError', 'user 1', 'https://a.example.com/app.3f9a1c2b.js?v=1', 10);
    const b = withFrames('TypeError', 'user 2', 'https://cdn.example.com/app.77aa00ff.js', 99);
    expect(getEventFingerprint(a)).toBe(getEventFingerprint(b));
    expect(getEventFingerprint(a)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('separates different types and different functions', () => {
    const base = withFrames('TypeError', 'x', '/app.js', 1);
    expect(getEventFingerprint(base)).not.toBe(getEventFingerprint(withFrames('RangeError', 'x', '/app.js', 1)));
    expect(getEventFingerprint(base)).not.toBe(getEventFingerprint(withFrames('TypeError', 'x', '/other.js', 1)));
  });

  it('is stable for the same error built twice', () => {
    const make = () =>
      eventFromUnknown(new Error('e'), {}, { maxValueLength: 100, normalizeDepth: 3, normalizeMaxBreadth: 10 });
    // One call site: an anonymous caller's frame is told apart by its line and column.
    const [first, second] = [1, 2].map(() => make()) as [Event, Event];
    expect(getEventFingerprint(first)).toBe(getEventFingerprint(second));
  });

  it('tells anonymous functions apart by their source line, which survives other lines moving', () => {
    const anonymous = (line: number, context?: string): Event => ({
      exception: {
        values: [
          {
            type: 'Error',
            value: 'x',
            stacktrace: {
              frames: [
                {
                  function: '?',
                  filename: '/srv/server.mjs',
                  lineno: line,
                  colno: 11,
                  context_line: context,
                  in_app: true,
                },
              ],
            },
          },
        ],
      },
    });
    const boom = anonymous(10, "  throw new Error('boom');");
    expect(getEventFingerprint(boom)).not.toBe(getEventFingerprint(anonymous(14, "  throw new Error('reject');")));
    // A release that adds lines above moves the throw, not its source line.
    expect(getEventFingerprint(boom)).toBe(getEventFingerprint(anonymous(25, "    throw new Error('boom');")));
    // Without source (a browser bundle), line and column are all there is.
    expect(getEventFingerprint(anonymous(10))).not.toBe(getEventFingerprint(anonymous(14)));
    expect(getEventFingerprint(anonymous(10))).toBe(getEventFingerprint(anonymous(10)));
  });

  it('uses a custom fingerprint when the user set one, and the message without an exception', () => {
    expect(getEventFingerprint({ fingerprint: ['db'], message: 'a' })).toBe(
      getEventFingerprint({ fingerprint: ['db'], message: 'b' }),
    );
    expect(getEventFingerprint({ message: 'a' })).not.toBe(getEventFingerprint({ message: 'b' }));
  });
});
