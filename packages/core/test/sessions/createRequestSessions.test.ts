import {
  captureException,
  captureMessage,
  close,
  endSessions,
  flush,
  getClient,
  getIsolationScope,
  getRequestSessions,
  getSessionTracker,
  withIsolationScope,
  type SessionAggregates,
} from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

/** A timer the test fires by hand. */
function manualTimer() {
  const scheduled: { run: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    scheduled,
    setTimer(run: () => void, ms: number) {
      const entry = { run, ms, cancelled: false };
      scheduled.push(entry);
      return () => void (entry.cancelled = true);
    },
    fire() {
      for (const entry of scheduled.splice(0)) if (!entry.cancelled) entry.run();
    },
  };
}

function serve(options: Parameters<typeof initForTest>[0] = {}) {
  const timer = manualTimer();
  const test = initForTest({ release: 'api@2.0.0', ...options });
  const requests = getRequestSessions(test.client, { setTimer: timer.setTimer })!;
  /** Runs one request in its own isolation scope; `end` false leaves it open. */
  const request = (work: () => void = () => undefined, end = true) =>
    withIsolationScope(() => {
      const done = requests.start(getIsolationScope());
      work();
      if (end) done();
      return done;
    });
  return { ...test, timer, requests, request };
}
const sessionsItems = (record: ReturnType<typeof initForTest>['record']) =>
  record.items('sessions') as SessionAggregates[];
const totals = (items: SessionAggregates[]) => {
  const sum = { exited: 0, errored: 0, crashed: 0, abnormal: 0 };
  for (const item of items)
    for (const bucket of item.aggregates)
      for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += bucket[key] ?? 0;
  return sum;
};

describe('createRequestSessions', () => {
  beforeEach(() => resetCarrier());

  it('counts each request as a session, never one item per request: 10 requests, 3 with a handled error', async () => {
    const { record, request } = serve();
    for (let i = 0; i < 10; i++) request(() => i % 3 === 1 && void captureException(new Error(`handled ${i}`)));
    await flush(1000);
    const items = sessionsItems(record);
    expect(items).toHaveLength(1);
    expect(totals(items)).toEqual({ exited: 7, errored: 3, crashed: 0, abnormal: 0 });
    expect(items[0]!.attrs).toEqual({ release: 'api@2.0.0', environment: 'production' });
    expect(items[0]!.aggregates[0]!.started).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
  });

  it('marks a request with an unhandled error crashed, even after a handled one; messages count nothing', async () => {
    const { record, request } = serve();
    request(() => {
      captureException(new Error('handled'));
      captureException(new Error('unhandled'), { mechanism: { type: 'express', handled: false } });
      captureException(new Error('handled after'));
    });
    request(() => void captureMessage('just a message', 'error'));
    await flush(1000);
    expect(totals(sessionsItems(record))).toEqual({ exited: 1, errored: 0, crashed: 1, abnormal: 0 });
  });

  it('counts an error captured in an isolation scope forked inside the request, and none after its end', async () => {
    const { record, request } = serve();
    request(() => withIsolationScope(() => void captureException(new Error('in a fork'))));
    const late = request();
    late(); // ending twice counts once
    withIsolationScope(() => {
      const done = getRequestSessions(getClient())!.start(getIsolationScope());
      done();
      captureException(new Error('after the response'), { mechanism: { type: 'x', handled: false } });
    });
    await flush(1000);
    expect(totals(sessionsItems(record))).toEqual({ exited: 2, errored: 1, crashed: 0, abnormal: 0 });
  });

  it('counts errors that sampling drops', async () => {
    const { record, request } = serve({ sampleRate: 0 });
    request(() => void captureException(new Error('sampled out')));
    await flush(1000);
    expect(record.events()).toEqual([]);
    expect(totals(sessionsItems(record))).toMatchObject({ errored: 1 });
  });

  it('sends the aggregates when the timer fires (60 s, armed only while there are counts)', async () => {
    const { record, request, timer } = serve();
    expect(timer.scheduled).toHaveLength(0);
    request();
    request();
    expect(timer.scheduled.map((entry) => entry.ms)).toEqual([60_000]);
    timer.fire();
    await Promise.resolve();
    expect(totals(sessionsItems(record))).toMatchObject({ exited: 2 });
    timer.fire();
    expect(sessionsItems(record)).toHaveLength(1);
  });

  it('on shutdown counts the requests still open: crashed if they crashed, else abnormal', async () => {
    const { record, request } = serve();
    request(() => void captureException(new Error('crash'), { mechanism: { type: 'x', handled: false } }), false);
    request(() => undefined, false);
    const done = request(() => undefined, false);
    request();
    endSessions('crashed');
    done(); // its response closes later: already counted
    await flush(1000);
    expect(totals(sessionsItems(record))).toEqual({ exited: 1, errored: 0, crashed: 1, abnormal: 2 });
  });

  it('counts each request once whatever order they end in: the ones still open at shutdown as abnormal', async () => {
    const { record, request } = serve();
    const ends = Array.from({ length: 6 }, () => request(() => undefined, false));
    for (const index of [3, 0, 5]) ends[index]!();
    ends[3]!();
    ends.push(
      request(() => undefined, false),
      request(() => undefined, false),
    ); // open, after the last one ended
    request();
    endSessions('exited');
    for (const end of ends) end();
    await flush(1000);
    expect(totals(sessionsItems(record))).toEqual({ exited: 4, errored: 0, crashed: 0, abnormal: 5 });
  });

  it('is request mode: the process session is dropped, never sent', async () => {
    const { client, record } = initForTest({ release: 'api@2.0.0' });
    getSessionTracker(client)!.start();
    getRequestSessions(client);
    captureException(new Error('outside any request'));
    await close(1000);
    expect(record.events()).toHaveLength(1);
    expect(record.items('session')).toEqual([]);
  });
});
