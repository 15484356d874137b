// Issue #16, "Show": outages through the default Node setup, counted on a receiver in another process.
import { startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { deliveryOf, eventsLabelled, minAttemptGap, privateHome, removeHome, sleep, startApp } from './startApp';

/**
 * The first retry waits half a base step (1 s) at least; 50 ms less for timers and loopback. A transport
 * without backoff retries within a few ms.
 */
const MIN_RETRY_GAP_MS = 450;

describe('an outage', () => {
  it('300 errors while the receiver refuses connections for 10 s all arrive exactly once within 10 s of its return', async () => {
    const receiver = await startReceiverProcess();
    await receiver.refuse();
    const outageStarted = Date.now();
    const home = privateHome();
    try {
      const app = startApp({ dsn: receiver.dsn, home, script: 'capture 300 outage', stdin: true });
      await app.next('captured');
      await sleep(outageStarted + 10_000 - Date.now());
      const { at: back } = await receiver.reopen();
      const delivered = await receiver
        .waitFor((s) => s.unique >= 300, 10_000, '300 events delivered')
        .then(() => Date.now() - back)
        .catch(() => undefined);
      app.send('flush 5000;flush 2000;exit 0');
      await app.next('flushed');
      await app.next('flushed');
      expect(await app.exit(5_000)).toMatchObject({ code: 0 });

      const delivery = await deliveryOf(receiver, 'outage', 300);
      const events = await eventsLabelled(receiver, 'outage');
      const lastFirstDelivery = Math.max(...events.map((e) => e.deliveredAt[0] ?? Infinity));
      console.info(
        '[outage]',
        JSON.stringify({ delivery, deliveredAfterReturnMs: delivered, lastAfterReturnMs: lastFirstDelivery - back }),
      );
      expect(delivery).toEqual({ delivered: 300, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
      expect(lastFirstDelivery - back).toBeLessThanOrEqual(10_000);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 45_000);

  it('sends one probe at a time while the receiver answers 503, then delivers everything once it recovers', async () => {
    const receiver = await startReceiverProcess();
    // Slow failures, so that requests sent side by side would overlap on the receiver.
    await receiver.set({ script: [{ status: 503, latencyMs: 100 }] });
    const home = privateHome();
    try {
      const app = startApp({ dsn: receiver.dsn, home, script: 'capture 1 probe-first', stdin: true });
      await receiver.waitFor((s) => (s.answered['503'] ?? 0) >= 1, 10_000, 'a first 503');
      await receiver.resetPeak();
      app.send('capture 50 probe');
      await app.next('captured');
      await sleep(5_000);
      const failing = await receiver.stats();
      await receiver.set({ script: [] });
      const recovered = Date.now();
      await receiver.waitFor((s) => s.unique >= 51, 15_000, '51 events delivered').catch(() => undefined);
      const recoveredInMs = Date.now() - recovered;
      app.send('flush 5000;flush 2000;exit 0');
      await app.next('flushed');
      await app.next('flushed');
      expect(await app.exit(5_000)).toMatchObject({ code: 0 });

      const [first, rest] = [await deliveryOf(receiver, 'probe-first', 1), await deliveryOf(receiver, 'probe', 50)];
      const delivery = { ...rest, delivered: first.delivered + rest.delivered, missing: first.missing + rest.missing };
      delivery.duplicates += first.duplicates;
      delivery.relabelled += first.relabelled;
      console.info(
        '[probe]',
        JSON.stringify({
          delivery,
          whileFailing: { requests: failing.requests, maxInFlight: failing.maxInFlight, answered: failing.answered },
          recoveredInMs,
        }),
      );
      expect(failing.maxInFlight).toBe(1);
      expect(delivery).toEqual({ delivered: 51, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
      expect(recoveredInMs).toBeLessThanOrEqual(10_000);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 45_000);

  it('backs off after a 500: attempts of one event are never closer than the first backoff step', async () => {
    const receiver = await startReceiverProcess();
    await receiver.set({ script: [{ status: 500 }] });
    const home = privateHome();
    try {
      const app = startApp({ dsn: receiver.dsn, home, script: 'capture 1 backoff', stdin: true });
      await app.next('captured');
      await sleep(6_000);
      await receiver.set({ script: [] });
      const recovered = Date.now();
      await receiver.waitFor((s) => s.unique >= 1, 20_000, 'the event delivered').catch(() => undefined);
      app.send('flush 5000;flush 2000;exit 0');
      await app.next('flushed');
      await app.next('flushed');
      expect(await app.exit(5_000)).toMatchObject({ code: 0 });

      const events = await eventsLabelled(receiver, 'backoff');
      const failedAttempts = events.flatMap((e) => e.attempts.filter((t) => t < recovered));
      const gap = minAttemptGap(events, recovered);
      const delivery = await deliveryOf(receiver, 'backoff', 1);
      console.info(
        '[backoff after 500]',
        JSON.stringify({ delivery, failedAttempts: failedAttempts.length, minGapMs: gap }),
      );
      // Without any retry there is nothing to measure: the 500 must have been retried at least once.
      expect(failedAttempts.length).toBeGreaterThanOrEqual(2);
      expect(gap).toBeGreaterThanOrEqual(MIN_RETRY_GAP_MS);
      // 1 s doubling from a half step: at most 0, 0.5, 1.5, 3.5 s… within 6 s.
      expect(failedAttempts.length).toBeLessThanOrEqual(5);
      expect(delivery).toEqual({ delivered: 1, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 45_000);
});
