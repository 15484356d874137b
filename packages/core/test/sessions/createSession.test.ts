import { describe, expect, it } from 'vitest';
import { createSession, endSession, recordError, sessionUpdate } from '../../src/sessions/createSession';

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5);
const attrs = { release: 'shop@1.0.0', environment: 'production' };
const noUser = () => undefined;

describe('createSession, recordError, endSession, sessionUpdate', () => {
  it('sends its first update with init: true, Sentry field names and ISO times, and init: false after', () => {
    const session = createSession(T0, attrs);
    const first = sessionUpdate(session, T0 + 1500, noUser);
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
    expect(sessionUpdate(session, T0 + 2000, noUser)).toMatchObject({ sid: first.sid, init: false });
  });

  it('asks for an update on the first error only, then on the crash; counts every error', () => {
    const session = createSession(T0, attrs);
    expect(recordError(session, false)).toBe(true);
    expect(recordError(session, false)).toBe(false);
    expect(recordError(session, false)).toBe(false);
    expect(session.status).toBe('ok');
    expect(recordError(session, true)).toBe(true);
    expect(session.status).toBe('crashed');
    expect(session.errors).toBe(4);
  });

  it('never leaves a terminal state: no more errors counted, no second end', () => {
    const session = createSession(T0, attrs);
    expect(endSession(session, 'exited')).toBe(true);
    expect(recordError(session, true)).toBe(false);
    expect(endSession(session, 'crashed')).toBe(false);
    expect(sessionUpdate(session, T0, noUser)).toMatchObject({ status: 'exited', errors: 0 });
  });

  it('counts a crash as an error even when it ends the session directly', () => {
    const session = createSession(T0, attrs);
    endSession(session, 'crashed');
    expect(sessionUpdate(session, T0, noUser)).toMatchObject({ status: 'crashed', errors: 1 });
  });

  it('reads the did once, on the first update: a session never changes its attributes', () => {
    let user: string | undefined = 'user-1';
    const session = createSession(T0, attrs);
    expect(sessionUpdate(session, T0, () => user).did).toBe('user-1');
    user = 'user-2';
    expect(sessionUpdate(session, T0, () => user).did).toBe('user-1');
  });

  it('states the duration in seconds when asked (process sessions), never negative', () => {
    const session = createSession(T0, attrs, true);
    expect(sessionUpdate(session, T0 + 2500, noUser).duration).toBe(2.5);
    expect(sessionUpdate(session, T0 - 1000, noUser)).toMatchObject({
      duration: 0,
      timestamp: '2026-01-02T03:04:05.000Z',
    });
  });
});
