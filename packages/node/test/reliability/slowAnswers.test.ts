// Issue 24, item 6: a status is a delivery, and nothing lingers. The default Node setup in a child process,
// against a receiver in another process that drips its answer's body or never answers at all.
import { startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { deliveryOf, privateHome, removeHome, startApp, type AppMessage } from './startApp';

/**
 * A script's event loop runs out of work sooner after the script's own last step, seen from inside it, than
 * any wait of the SDK's would let it (2 s: the exit flush, a body drain; then 10 s keep-alive, 30 s request
 * timeout). Measured on the loop (the last turn of an unref'd tick), not at the `exit` event: between the two,
 * Node waits for V8's background tasks (a garbage collection under way: 0.4–2 s on this 2-core machine at
 * load 10, with no handle of anyone's alive), which would measure the machine's load, not the SDK.
 */
const ENDS_BEFORE_MS = 2000;
/**
 * What may keep the loop alive once the script's work is done: its own stdio, and file operations in flight
 * (a journal write finishes by itself). Not a socket, a timer or a connection being opened.
 */
const FINITE = new Set(['PipeWrap', 'TTYWrap', 'FSReqCallback', 'FSReqPromise', 'FileHandleCloseReq']);
const holding = (handles: AppMessage) => (handles.resources as string[]).filter((r) => !FINITE.has(r));
/** From the script's last step (`handles`, then `end`): to its loop's last turn, and to its `exit` event. */
const endOf = (handles: AppMessage, exiting: AppMessage) => ({
  // No turn at all after `end` (a 10 ms tick): the loop was done at once.
  loopEndedAfterMs: ((exiting.loopRanAt as number | undefined) ?? handles.at) - handles.at,
  endedAfterMs: exiting.at - handles.at,
});

describe('a receiver that answers slowly', () => {
  it('counts a 200 whose body drips as delivered at once, sends it once, and lets the script end', async () => {
    const receiver = await startReceiverProcess();
    await receiver.set({ script: [{ status: 200, dripMs: 300 }] });
    const home = privateHome();
    try {
      // `end`: no process.exit, the script just runs out of work, as a job or a CLI does.
      const app = startApp({ dsn: receiver.dsn, home, script: 'capture 5 drip;flush 5000;handles;end' });
      const flushed = await app.next('flushed', 10_000);
      const handles = await app.next('handles');
      const exiting = await app.next('exiting', 10_000);
      const exit = await app.exit(5000);
      const delivery = await deliveryOf(receiver, 'drip', 5);
      const { requests } = await receiver.stats();
      const { loopEndedAfterMs, endedAfterMs } = endOf(handles, exiting);
      console.info(
        '[dripping body]',
        JSON.stringify({ delivery, requests, flushed, handles, loopEndedAfterMs, endedAfterMs }),
      );
      expect(delivery).toEqual({ delivered: 5, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
      expect(requests).toBe(5);
      expect(flushed).toMatchObject({ result: true });
      expect(holding(handles)).toEqual([]);
      expect(exit).toMatchObject({ code: 0 });
      expect(loopEndedAfterMs).toBeLessThan(ENDS_BEFORE_MS);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 30_000);

  it('lets a script end once flush(2000) gave up on a receiver that never answers; the next process sends it', async () => {
    const receiver = await startReceiverProcess();
    // One answer first, so the hung request reuses a keep-alive connection that undici had let go idle.
    await receiver.set({ script: [{ status: 200, count: 1 }, { status: 'hang' }] });
    const home = privateHome();
    try {
      const app = startApp({
        dsn: receiver.dsn,
        home,
        script: 'capture 1 first;flush 5000;capture 1 hung;flush 2000;handles;end',
      });
      await app.next('flushed', 10_000);
      const flushed = await app.next('flushed', 10_000);
      const handles = await app.next('handles');
      const exiting = await app.next('exiting', 10_000);
      const exit = await app.exit(5000);
      const { loopEndedAfterMs, endedAfterMs } = endOf(handles, exiting);

      // What was on the wire stayed in the journal: the next process (same home) adopts and sends it.
      await receiver.set({ script: [] });
      const next = startApp({ dsn: receiver.dsn, home, script: 'flush 5000;exit 0' });
      const resent = await next.next('flushed', 15_000);
      await next.exit(5000);
      const delivery = await deliveryOf(receiver, 'hung', 1);
      const first = await deliveryOf(receiver, 'first', 1);
      console.info(
        '[never answers]',
        JSON.stringify({ flushed, handles, loopEndedAfterMs, endedAfterMs, resent, delivery, first }),
      );
      expect(flushed).toMatchObject({ result: false });
      expect(holding(handles)).toEqual([]);
      expect(exit).toMatchObject({ code: 0 });
      expect(loopEndedAfterMs).toBeLessThan(ENDS_BEFORE_MS);
      expect({ delivery, first }).toEqual({
        delivery: { delivered: 1, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 },
        first: { delivered: 1, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 },
      });
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 40_000);
});
