// Issue 24, item 2: wall-clock steps through the default Node setup. The app's Date is stepped by a preload
// (fixtures/clockStep.mjs) while events wait out an outage; counted on a receiver in another process.
import { fileURLToPath } from 'node:url';
import { startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { deliveryOf, eventsLabelled, privateHome, removeHome, sleep, startApp } from './startApp';

const STEP_CLOCK = fileURLToPath(new URL('./fixtures/clockStep.mjs', import.meta.url));
const DAY = 24 * 60 * 60 * 1000;
/** The longest gap between probes of a destination that does not answer (core's probeMaxMs). */
const PROBE_MAX_MS = 10_000;

describe('a wall-clock step', () => {
  it('neither freezes delivery (−1 day) nor expires what was just captured (+8 days, past the 7-day TTL)', async () => {
    const receiver = await startReceiverProcess();
    await receiver.refuse();
    const home = privateHome();
    try {
      const app = startApp({
        dsn: receiver.dsn,
        home,
        script: 'capture 50 back',
        stdin: true,
        nodeArgs: ['--import', STEP_CLOCK],
      });
      await app.next('captured');
      await sleep(1500); // first attempts and a probe or two fail: retries and the next probe are scheduled
      app.send(`clock ${-DAY}`);
      await app.next('clock');
      const { at: backAt } = await receiver.reopen();
      // No flush: the next probe, due on the monotonic clock, finds the receiver back.
      await receiver.waitFor((s) => s.unique >= 50, PROBE_MAX_MS + 2000, '50 events after a −1 day step');
      const backMs = Math.max(...(await eventsLabelled(receiver, 'back')).map((e) => e.deliveredAt[0]!)) - backAt;

      await receiver.refuse();
      app.send('capture 50 ahead');
      await app.next('captured');
      await sleep(1500);
      app.send(`clock ${9 * DAY}`); // from a day behind to eight days ahead: every capture looks 8 days old
      await app.next('clock');
      const { at: aheadAt } = await receiver.reopen();
      app.send('flush 5000');
      const flushed = await app.next('flushed', 10_000);
      const aheadMs = Math.max(...(await eventsLabelled(receiver, 'ahead')).map((e) => e.deliveredAt[0]!)) - aheadAt;
      app.send('flush 2000;exit 0');
      await app.next('flushed');
      expect(await app.exit(5000)).toMatchObject({ code: 0 });

      const back = await deliveryOf(receiver, 'back', 50);
      const ahead = await deliveryOf(receiver, 'ahead', 50);
      const { discarded } = await receiver.stats();
      console.info('[clock steps]', JSON.stringify({ back, backMs, ahead, aheadMs, flushed, discarded }));
      const exact = { delivered: 50, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 };
      expect({ back, ahead, discarded }).toEqual({ back: exact, ahead: exact, discarded: {} });
      expect(backMs).toBeLessThanOrEqual(PROBE_MAX_MS + 1000);
      expect(flushed.result).toBe(true);
      expect(aheadMs).toBeLessThanOrEqual(1000);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 60_000);
});
