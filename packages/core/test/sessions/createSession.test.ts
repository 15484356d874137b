import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/sessions/createSession';

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5);
const attrs = { release: 'shop@1.0.0', environment: 'production' };
const noUser = () => undefined;

describe('createSession', () => {
  it('sends its first update with init: true, Sentry field names and ISO times, and init: false after', () => {
    const session = createSession(T0, attrs);
    const first = session.update(T0 + 1500, noUser);
    expect(first).toEqual({
      sid: expect.stringMatching(/^[0-9a-f]{32}$/),
      init: true,
      started: '2026-01-02T03:04:05.000Z',
      timestamp: '2026-01-02T03:04:06.500Z',
      status: 'ok',
      errors: 0,
      attrs,
    });
    expect(Object.keys(first)).toEqual(['sid', 'init', 'started', 'timestamp', 'status', 'errors', 'attrs']);
    expect(session.update(T0 + 2000, noUser)).toMatchObject({ sid: first.sid, init: false });
  });

  it('asks for an update on the first error only, then on the crash; counts every error', () => {
    const session = createSession(T0, attrs);
    expect(session.error(false)).toBe(true);
    expect(session.error(false)).toBe(false);
    expect(session.error(false)).toBe(false);
    expect(session.status).toBe('ok');
    expect(session.error(true)).toBe(true);
    expect(session.status).toBe('crashed');
    expect(session.errors).toBe(4);
  });

  it('never leaves a terminal state: no more errors counted, no second end', () => {
    const session = createSession(T0, attrs);
    expect(session.end('exited')).toBe(true);
    expect(session.error(true)).toBe(false);
    expect(session.end('crashed')).toBe(false);
    expect(session.update(T0, noUser)).toMatchObject({ status: 'exited', errors: 0 });
  });

  it('counts a crash as an error even when it ends the session directly', () => {
    const session = createSession(T0, attrs);
    session.end('crashed');
    expect(session.update(T0, noUser)).toMatchObject({ status: 'crashed', errors: 1 });
  });

  it('reads the did once, on the first update: a session never changes its attributes', () => {
    let user: string | undefined = 'user-1';
    const session = createSession(T0, attrs);
    expect(session.update(T0, () => user).did).toBe('user-1');
    user = 'user-2';
    expect(session.update(T0, () => user).did).toBe('user-1');
  });

  it('states the duration in seconds when asked (process sessions), never negative', () => {
    const session = createSession(T0, attrs, true);
    expect(session.update(T0 + 2500, noUser).duration).toBe(2.5);
    expect(session.update(T0 - 1000, noUser)).toMatchObject({ duration: 0, timestamp: '2026-01-02T03:04:05.000Z' });
  });
});
