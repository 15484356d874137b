import {
  captureException,
  captureSession,
  endSession,
  flush,
  getSessionTracker,
  startSession,
  type SessionUpdate,
} from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

const RELEASE = 'shop@2.0.0';
const states = (items: unknown[]) =>
  (items as SessionUpdate[]).map(({ sid, init, status, errors }) => ({ sid, init, status, errors }));

describe('startSession, endSession, captureSession', () => {
  beforeEach(() => resetCarrier());

  it('startSession ends the running session as exited and starts one whose errors count from now', async () => {
    const { client, record } = initForTest({ release: RELEASE });
    getSessionTracker(client)!.start({ duration: true });
    captureException(new Error('in the first session'));
    startSession();
    captureException(new Error('in the second session'));
    await flush(1000);
    // Per session, in order (two sessions' updates may interleave: each stands for its own sid).
    const updates = states(record.items('session'));
    const [firstSid, secondSid] = [...new Set(updates.map((update) => update.sid))];
    const of = (sid: string | undefined) =>
      updates.filter((update) => update.sid === sid).map(({ init, status, errors }) => ({ init, status, errors }));
    expect(of(firstSid)).toEqual([
      { init: true, status: 'ok', errors: 1 },
      { init: false, status: 'exited', errors: 1 },
    ]);
    expect(of(secondSid)).toEqual([{ init: true, status: 'ok', errors: 1 }]);
    // The same kind of session as the platform started: a process's states its duration.
    const second = (record.items('session') as SessionUpdate[]).find((update) => update.sid === secondSid);
    expect(second!.duration).toBeGreaterThanOrEqual(0);
  });

  it('works with autoSessionTracking: false, where no integration starts a session', async () => {
    const { client, record } = initForTest({ release: RELEASE, autoSessionTracking: false });
    expect(getSessionTracker(client)).toBeUndefined();
    captureException(new Error('before any session'));
    startSession();
    captureException(new Error('counted'), { mechanism: { type: 'x', handled: false } });
    await flush(1000);
    expect(states(record.items('session'))).toMatchObject([{ init: true, status: 'crashed', errors: 1 }]);
  });

  it('captureSession sends the update now; endSession and captureSession(true) end it once', async () => {
    const { record } = initForTest({ release: RELEASE, autoSessionTracking: false });
    startSession();
    captureSession();
    endSession();
    endSession();
    captureSession(true);
    startSession();
    captureSession(true);
    await flush(1000);
    expect(states(record.items('session'))).toMatchObject([
      { init: true, status: 'ok', errors: 0 },
      { init: false, status: 'exited', errors: 0 },
      { init: true, status: 'exited', errors: 0 },
    ]);
  });

  it('sends nothing and throws nothing without a release or a client', async () => {
    const { record } = initForTest({});
    startSession();
    captureException(new Error('no release'));
    captureSession();
    endSession();
    await flush(1000);
    expect(record.items('session')).toEqual([]);
    resetCarrier();
    expect(() => [startSession(), captureSession(), endSession()]).not.toThrow();
  });
});
