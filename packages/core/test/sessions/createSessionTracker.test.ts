import {
  captureEvent,
  captureException,
  captureMessage,
  close,
  flush,
  getSessionTracker,
  setUser,
  type SessionUpdate,
} from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

const RELEASE = 'shop@1.4.2';
const unhandled = { mechanism: { type: 'onerror', handled: false } };

/** A client with sessions on and one session started, as a platform's integration starts it. */
function start(options: Parameters<typeof initForTest>[0] = {}, eager = false) {
  const test = initForTest({ release: RELEASE, environment: 'staging', ...options });
  getSessionTracker(test.client)?.start({ eager });
  return test;
}
const types = (items: [{ type: string }, unknown][]) => items.map(([header]) => header.type);

describe('createSessionTracker', () => {
  beforeEach(() => resetCarrier());

  it('sends an unhandled error’s crashed update in the crash event’s envelope, with init on its first send', async () => {
    const { record } = start();
    captureException(new Error('crash'), unhandled);
    await flush(1000);
    expect(record.envelopes().map(([, items]) => types(items))).toEqual([['event', 'session']]);
    const [update] = record.items('session') as SessionUpdate[];
    expect(update).toMatchObject({ init: true, status: 'crashed', errors: 1 });
    expect(update!.attrs).toEqual({ release: RELEASE, environment: 'staging' });
  });

  it('sends one update per change of state, not one per error', async () => {
    const { record } = start();
    captureException(new Error('first'));
    captureException(new Error('second'));
    captureEvent({ exception: { values: [{ type: 'Error', value: 'third' }] } });
    captureException(new Error('crash'), unhandled);
    captureException(new Error('after the crash'), unhandled);
    await flush(1000);
    const updates = record.items('session') as SessionUpdate[];
    expect(updates.map(({ status, errors, init }) => ({ status, errors, init }))).toEqual([
      { status: 'ok', errors: 1, init: true },
      { status: 'crashed', errors: 4, init: false },
    ]);
    expect(record.events()).toHaveLength(5);
  });

  it('counts errors that sampling drops: sampleRate 0 sends the session update alone', async () => {
    const { record } = start({ sampleRate: 0 });
    captureException(new Error('sampled out'));
    captureException(new Error('crash, sampled out'), unhandled);
    await flush(1000);
    expect(record.events()).toEqual([]);
    expect(record.envelopes().map(([, items]) => types(items))).toEqual([['session'], ['session'], ['client_report']]);
    expect((record.items('session') as SessionUpdate[]).map((u) => u.status)).toEqual(['ok', 'crashed']);
  });

  it('counts errors that beforeSend drops', async () => {
    const { record } = start({ beforeSend: () => null });
    captureException(new Error('dropped by the app'), unhandled);
    await flush(1000);
    expect(record.events()).toEqual([]);
    expect(record.items('session')).toMatchObject([{ status: 'crashed', errors: 1 }]);
  });

  it('does not count messages, or exceptions the app lowered below error', async () => {
    const { record } = start({ attachStacktrace: true });
    captureMessage('a fatal message', 'fatal');
    captureException(new Error('only a warning'), { level: 'warning' });
    await flush(1000);
    expect(record.events()).toHaveLength(2);
    expect(record.items('session')).toEqual([]);
  });

  it('sends an eager session’s first update on flush (page hide), once', async () => {
    const { record } = start({}, true);
    await flush(1000);
    await flush(1000);
    expect(record.items('session')).toMatchObject([{ init: true, status: 'ok', errors: 0 }]);
  });

  it('ends the running session as exited when a new one starts, in one envelope with the new one’s first update', async () => {
    const { client, record } = start({}, true);
    getSessionTracker(client)!.start({ eager: true });
    await flush(1000);
    const [first, second] = record.items('session') as SessionUpdate[];
    expect(record.envelopes()).toHaveLength(1);
    expect(first).toMatchObject({ init: true, status: 'exited' });
    expect(second).toMatchObject({ init: true, status: 'ok' });
    expect(second!.sid).not.toBe(first!.sid);
  });

  it('sends the update of an error captured just before a navigation ahead of the navigation’s', async () => {
    const { client, record } = start({}, true);
    captureException(new Error('then the app navigates'));
    getSessionTracker(client)!.start({ eager: true });
    await flush(1000);
    expect(
      (record.items('session') as SessionUpdate[]).map(({ status, errors, init }) => [status, errors, init]),
    ).toEqual([
      ['ok', 1, true],
      ['exited', 1, false],
      ['ok', 0, true],
    ]);
  });

  it('starts a session at the time it is given, which is when the one before it ended', async () => {
    const { client, record } = start({}, true);
    const tracker = getSessionTracker(client)!;
    // A recorded time, not the clock's: the navigation is run later than it happened.
    const navigated = new Date(Date.now() + 5000).toISOString();
    tracker.start({ eager: true }, Date.parse(navigated));
    await flush(1000);
    const [ended, started] = record.items('session') as SessionUpdate[];
    expect(ended).toMatchObject({ status: 'exited', timestamp: navigated });
    expect(started).toMatchObject({ init: true, started: navigated, timestamp: navigated });
  });

  it('replays another page’s starts and captures on sessions of their own, and leaves the live one as it was', async () => {
    const { client, record } = start({}, true);
    const tracker = getSessionTracker(client)!;
    const loaded = Date.parse('2026-01-02T03:00:00.000Z');
    const navigated = loaded + 5000;
    tracker.replay(() => {
      tracker.start({ eager: true }, loaded);
      tracker.start({ eager: true }, navigated);
      captureException(new Error('thrown on the page left'));
    });
    captureException(new Error('thrown on this page'), unhandled);
    await flush(1000);
    const updates = record.items('session') as SessionUpdate[];
    const lives = [...new Set(updates.map((u) => u.sid))].map((sid) =>
      updates.filter((u) => u.sid === sid).map((u) => `${u.init ? 'init ' : ''}${u.status}/${u.errors}`),
    );
    // The page left: its load's session ended by its navigation, whose session counted its error. This
    // page's session counted only this page's crash.
    expect(lives).toEqual([['init exited/0'], ['init ok/0', 'ok/1'], ['init crashed/1']]);
    expect(updates[0]).toMatchObject({ started: '2026-01-02T03:00:00.000Z', timestamp: '2026-01-02T03:00:05.000Z' });
  });

  it('sends the last replayed session as it stands, when no capture sent it', async () => {
    const { client, record } = start({}, true);
    const tracker = getSessionTracker(client)!;
    tracker.replay(() => tracker.start({ eager: true }, Date.parse('2026-01-02T03:00:00.000Z')));
    await flush(1000);
    // The replayed one, then this page's own first update (flush sends it).
    expect(record.items('session')).toMatchObject([
      { init: true, status: 'ok', started: '2026-01-02T03:00:00.000Z' },
      { init: true, status: 'ok' },
    ]);
  });

  it('keeps a replayed session as the live one when none was live (the page’s own start, kept and taken back)', async () => {
    const test = initForTest({ release: RELEASE });
    const tracker = getSessionTracker(test.client)!;
    tracker.replay(() => tracker.start({ eager: true }, Date.now() - 1000));
    captureException(new Error('after it was taken back'));
    await flush(1000);
    const updates = test.record.items('session') as SessionUpdate[];
    // Sent as it stood once replayed, then the error counted to it: one session.
    expect(updates).toMatchObject([
      { init: true, status: 'ok', errors: 0 },
      { init: false, status: 'ok', errors: 1 },
    ]);
    expect(updates[1]!.sid).toBe(updates[0]!.sid);
  });

  it('starts a session with the errors already sent without the client (a page’s beacon) counted in its first update, and not in the next', async () => {
    const { client, record } = initForTest({ release: RELEASE });
    const tracker = getSessionTracker(client)!;
    tracker.start({ eager: true, errors: { handled: 2, unhandled: 1 } });
    tracker.start();
    await flush(1000);
    const updates = record.items('session') as SessionUpdate[];
    expect(updates.map((u) => `${u.init ? 'init ' : ''}${u.status}/${u.errors}`)).toEqual([
      'init crashed/3',
      'init ok/0',
    ]);
  });

  it('ends the session as exited on close', async () => {
    const { record } = start();
    captureException(new Error('handled'));
    await close(1000);
    expect((record.items('session') as SessionUpdate[]).map((u) => u.status)).toEqual(['ok', 'exited']);
  });

  it('sends the user id as did, scrubbed: an email never goes, not even as [Filtered]', async () => {
    const { record } = start();
    setUser({ id: 'user-42', email: 'ada@example.com' });
    captureException(new Error('one'));
    await flush(1000);
    expect(record.items('session')).toMatchObject([{ did: 'user-42' }]);

    const second = start();
    setUser({ id: 'ada@example.com' });
    captureException(new Error('two'));
    await flush(1000);
    const [update] = second.record.items('session') as SessionUpdate[];
    expect(update!.did).toBeUndefined();
    expect(JSON.stringify(second.record.bodies)).not.toContain('ada@example.com');
  });

  it('sends no session without a release, or with autoSessionTracking: false', async () => {
    for (const options of [{ release: undefined }, { autoSessionTracking: false }]) {
      const { client, record } = start(options, true);
      expect(getSessionTracker(client)).toBeUndefined();
      captureException(new Error('crash'), unhandled);
      await flush(1000);
      expect(record.items('session')).toEqual([]);
      expect(record.events()).toHaveLength(1);
    }
  });
});
