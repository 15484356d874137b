// Release health of a server (request mode): an Express app on @faultline/node's default setup in a child
// process, delivering to a real receiver on 127.0.0.1, parsed with @sentry/core's parser and compared,
// field by field, with what @sentry/node sends for the same requests.
import { sessionShape, startReceiver, type Receiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { itemsOf, receivedEnvelopes, runFixture } from './sessionSupport';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** Serves `paths` in order with `sdk`, then stops the server with SIGTERM; returns what the receiver got. */
async function serve(sdk: 'faultline' | 'sentry', paths: string[], env: Record<string, string> = {}) {
  receiver = await startReceiver();
  const server = runFixture('sessionServer.mjs', { DSN: `http://key@127.0.0.1:${receiver.port}/1`, SDK: sdk, ...env });
  const [, port] = await server.line(/port (\d+)/);
  const statuses: number[] = [];
  for (const path of paths) statuses.push((await fetch(`http://127.0.0.1:${port}${path}`)).status);
  server.child.kill('SIGTERM');
  await server.exited;
  const { stderr } = server.output();
  const envelopes = receivedEnvelopes(receiver);
  await receiver.close();
  receiver = undefined;
  return { statuses, envelopes, stderr };
}

type Aggregates = { aggregates: Record<string, number | string>[]; attrs: Record<string, string> };
const totals = (items: Aggregates[]) => {
  const sum: Record<string, number> = { exited: 0, errored: 0, crashed: 0, abnormal: 0 };
  for (const item of items)
    for (const bucket of item.aggregates) for (const key in sum) sum[key]! += Number(bucket[key] ?? 0);
  return sum;
};
const TEN = [...Array(7).fill('/ok'), ...Array(3).fill('/handled')] as string[];
/** What TEN's requests count: 7 exited, 3 errored. */
const TEN_TOTALS = { exited: 7, errored: 3, crashed: 0, abnormal: 0 };

describe('startRequestSession (request mode)', () => {
  it('an Express server answering 10 requests, 3 with a handled error: aggregates of 10, 3 errored, shaped as @sentry/node’s', async () => {
    const ours = await serve('faultline', TEN);
    expect(ours.statuses.every((status) => status === 200)).toBe(true);
    const items = itemsOf(ours.envelopes, 'sessions') as Aggregates[];
    expect(items).toHaveLength(1); // never one item per request
    expect(totals(items)).toEqual(TEN_TOTALS);
    expect(items[0]!.attrs).toEqual({ release: 'api@2.0.0', environment: 'production' });
    expect(itemsOf(ours.envelopes, 'session')).toEqual([]); // a server sends no process session
    expect(itemsOf(ours.envelopes, 'event')).toHaveLength(3);

    const sentry = await serve('sentry', TEN);
    const theirs = itemsOf(sentry.envelopes, 'sessions') as Aggregates[];
    expect(totals(theirs)).toEqual(totals(items));
    expect(sessionShape(items[0])).toEqual(sessionShape(theirs[0]));
  });

  it('sampleRate 0 leaves the counts unchanged', async () => {
    const ours = await serve('faultline', TEN, { SAMPLE_RATE: '0' });
    expect(itemsOf(ours.envelopes, 'event')).toEqual([]);
    expect(totals(itemsOf(ours.envelopes, 'sessions') as Aggregates[])).toEqual(TEN_TOTALS);
  });

  it('a request that fails through Express’s error path is a crashed session, as a 500 is', async () => {
    const ours = await serve('faultline', ['/ok', '/fail', '/handled', '/fail']);
    expect(ours.statuses).toEqual([200, 500, 200, 500]);
    expect(totals(itemsOf(ours.envelopes, 'sessions') as Aggregates[])).toEqual({
      exited: 1,
      errored: 1,
      crashed: 2,
      abnormal: 0,
    });
  });

  it('sessions: false counts no request; a value that is not a boolean is named and the default (on) kept', async () => {
    const off = await serve('faultline', TEN, { HTTP_SESSIONS: 'false' });
    expect(itemsOf(off.envelopes, 'sessions')).toEqual([]);
    expect(itemsOf(off.envelopes, 'event')).toHaveLength(3);
    expect(off.stderr).not.toContain('Invalid option');

    const wrong = await serve('faultline', TEN, { HTTP_SESSIONS: '"no"' });
    expect(wrong.stderr).toContain(
      'Invalid option of httpServerIntegration: sessions: expected true or false, got "no"; ignored, using the default',
    );
    expect(totals(itemsOf(wrong.envelopes, 'sessions') as Aggregates[])).toEqual(TEN_TOTALS);
  });
});
