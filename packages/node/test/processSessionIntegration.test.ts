// Release health of a job (a process that serves no request): @faultline/node's default setup in a child
// process, delivering to a real receiver on 127.0.0.1; what it sends is parsed with @sentry/core's parser
// and compared, field by field, with what @sentry/node sends for the same job.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sessionShape, startReceiver, type Receiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { itemsOf, receivedEnvelopes, runFixture } from './sessionSupport';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** Runs the job fixture to its end with `sdk`; returns what the receiver got. */
async function runJob(sdk: 'faultline' | 'sentry', env: Record<string, string>) {
  receiver = await startReceiver();
  const job = runFixture('sessionJob.mjs', { DSN: `http://key@127.0.0.1:${receiver.port}/1`, SDK: sdk, ...env });
  const exit = await job.exited;
  const envelopes = receivedEnvelopes(receiver);
  await receiver.close();
  receiver = undefined;
  return { exit, envelopes, output: job.output() };
}

describe('processSessionIntegration', () => {
  it('a job: one session, sent once at its end, exited, shaped as @sentry/node sends it', async () => {
    const ours = await runJob('faultline', { MODE: 'exit' });
    expect(ours.exit.code).toBe(0);
    expect(ours.envelopes.map((items) => items.map((item) => item.type))).toEqual([['session']]);
    const [session] = itemsOf(ours.envelopes, 'session');
    expect(session).toMatchObject({
      init: true,
      status: 'exited',
      errors: 0,
      attrs: { release: 'job@1.0.0', environment: 'production' },
    });
    expect(session.duration).toBeGreaterThan(0);

    const sentry = await runJob('sentry', { MODE: 'exit' });
    const [theirs] = itemsOf(sentry.envelopes, 'session');
    expect(theirs).toMatchObject({ init: true, status: 'exited', errors: 0 });
    expect(sessionShape(session)).toEqual(sessionShape(theirs));
  });

  it('a crashing job: crashed, in the crash event’s envelope, shaped as @sentry/node’s crashed update', async () => {
    const ours = await runJob('faultline', { MODE: 'crash' });
    expect(ours.exit.code).toBe(1);
    expect(ours.output.stderr).toContain('the job crashed');
    expect(ours.envelopes.map((items) => items.map((item) => item.type))).toEqual([['event', 'session']]);
    const [event] = itemsOf(ours.envelopes, 'event');
    expect(event.exception.values[0]).toMatchObject({ value: 'the job crashed', mechanism: { handled: false } });
    const [session] = itemsOf(ours.envelopes, 'session');
    expect(session).toMatchObject({ init: true, status: 'crashed', errors: 1 });

    const sentry = await runJob('sentry', { MODE: 'crash' });
    const theirs = itemsOf(sentry.envelopes, 'session').find((update) => update.status === 'crashed');
    expect(theirs).toMatchObject({ init: true, status: 'crashed', errors: 1 });
    expect(sessionShape(session)).toEqual(sessionShape(theirs));
  });

  it('a handled error counts the same with sampleRate 0: the update goes alone, the event does not', async () => {
    const statesOf = (envelopes: Awaited<ReturnType<typeof runJob>>['envelopes']) =>
      itemsOf(envelopes, 'session').map(({ init, status, errors }) => ({ init, status, errors }));
    const sampled = await runJob('faultline', { MODE: 'handled' });
    const sampledOut = await runJob('faultline', { MODE: 'handled', SAMPLE_RATE: '0' });
    expect(itemsOf(sampled.envelopes, 'event')).toHaveLength(1);
    expect(itemsOf(sampledOut.envelopes, 'event')).toHaveLength(0);
    const expected = [
      { init: true, status: 'ok', errors: 1 },
      { init: false, status: 'exited', errors: 1 },
    ];
    expect(statesOf(sampled.envelopes)).toEqual(expected);
    expect(statesOf(sampledOut.envelopes)).toEqual(expected);
    // With the event: its update rides in its envelope. Without: alone.
    expect(sampled.envelopes[0]!.map((item) => item.type)).toEqual(['event', 'session']);
    expect(sampledOut.envelopes[0]!.map((item) => item.type)).toEqual(['session']);
  });

  it('exit code 2 without an error (process.exitCode, then the loop empties): abnormal, as process.exit(2) is', async () => {
    const ours = await runJob('faultline', { MODE: 'exit-code' });
    expect(ours.exit.code).toBe(2);
    expect(itemsOf(ours.envelopes, 'session')).toMatchObject([{ init: true, status: 'abnormal', errors: 0 }]);
  });

  it('a rejection nobody handles ends the job (code 1): crashed, in the event’s envelope', async () => {
    const ours = await runJob('faultline', { MODE: 'reject' });
    expect(ours.exit.code).toBe(1);
    expect(ours.envelopes.map((items) => items.map((item) => item.type))).toEqual([['event', 'session']]);
    expect(itemsOf(ours.envelopes, 'session')).toMatchObject([{ init: true, status: 'crashed', errors: 1 }]);
  });

  it('an update held back by a session rate limit is reported: client report, category session, quantity 1', async () => {
    receiver = await startReceiver();
    // The first envelope (the handled error and the session's errored update) is taken, with a session limit.
    receiver.setBehavior((_request, index) =>
      index === 0 ? { status: 200, headers: { 'X-Sentry-Rate-Limits': '60:session:organization' } } : { status: 200 },
    );
    const job = runFixture('sessionJob.mjs', {
      DSN: `http://key@127.0.0.1:${receiver.port}/1`,
      MODE: 'handled',
      FLUSH_FIRST: '1',
    });
    expect((await job.exited).code).toBe(0);
    const envelopes = receivedEnvelopes(receiver);
    // The exited update is not sent: it is counted as dropped, in the session category.
    expect(itemsOf(envelopes, 'session')).toMatchObject([{ init: true, status: 'ok', errors: 1 }]);
    const discarded = itemsOf(envelopes, 'client_report').flatMap((report) => report.discarded_events);
    expect(discarded).toEqual([{ reason: 'ratelimit_backoff', category: 'session', quantity: 1 }]);
  });

  it('killed by a signal the SDK handles: abnormal, delivered before the process ends by that signal', async () => {
    receiver = await startReceiver();
    const job = runFixture('sessionJob.mjs', { DSN: `http://key@127.0.0.1:${receiver.port}/1`, MODE: 'signal' });
    await job.line(/ready/);
    job.child.kill('SIGTERM');
    expect((await job.exited).signal).toBe('SIGTERM');
    const sessions = itemsOf(receivedEnvelopes(receiver), 'session');
    expect(sessions).toMatchObject([{ init: true, status: 'abnormal', errors: 0 }]);
  });

  it('process.exit(0) before anything is delivered: the journal keeps the exited update and the next start sends it', async () => {
    receiver = await startReceiver();
    const env = {
      DSN: `http://key@127.0.0.1:${receiver.port}/1`,
      XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'faultline-state-')), // shared by both runs
    };
    const first = runFixture('sessionJob.mjs', { ...env, MODE: 'exit-now' });
    expect((await first.exited).code).toBe(0);
    expect(receivedEnvelopes(receiver)).toEqual([]);
    const second = runFixture('sessionJob.mjs', { ...env, MODE: 'exit' });
    expect((await second.exited).code).toBe(0);
    const sessions = itemsOf(receivedEnvelopes(receiver), 'session');
    const [firstSid] = sessions.map((update) => update.sid);
    // Updates travel in parallel (as events do, and as Sentry's transport sends them): in any order.
    const states = (sid: string) =>
      sessions
        .filter((update) => update.sid === sid)
        .map(({ init, status, errors }) => ({ init, status, errors }))
        .sort((a, b) => Number(b.init) - Number(a.init));
    // The first run's session, whole: its errored update (with the event) and its exited end.
    expect(states(firstSid)).toEqual([
      { init: true, status: 'ok', errors: 1 },
      { init: false, status: 'exited', errors: 1 },
    ]);
    expect(itemsOf(receivedEnvelopes(receiver), 'event')).toHaveLength(1);
    // The second run's own session.
    expect(sessions.filter((update) => update.sid !== firstSid)).toMatchObject([{ init: true, status: 'exited' }]);
  });
});
