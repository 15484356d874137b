// Issue #16, "Show": a burst and a sustained load through the default Node setup, counted on a receiver
// in another process: every event exactly once, or its loss in a client report of the same quantity.
import { startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { deliveryOf, figures, privateHome, removeHome, startApp, type AppReport, type Captured } from './startApp';

describe('a burst to a healthy receiver', () => {
  it('delivers 1,000 captureException calls exactly once within 10 s, RSS growing by 64 MiB at most', async () => {
    const receiver = await startReceiverProcess();
    const home = privateHome();
    try {
      const app = startApp({
        dsn: receiver.dsn,
        home,
        script: 'baseline;capture 1000 burst;report;flush 10000;flush 2000;exit 0',
      });
      const captured = await app.next<Captured>('captured');
      const load = await app.next<AppReport>('report');
      const flushed = await app.next('flushed', 15_000);
      await app.next('flushed');
      expect(await app.exit(5_000)).toMatchObject({ code: 0 });

      const delivery = await deliveryOf(receiver, 'burst', 1000);
      const late = (await receiver.events('burst ')).filter((e) => e.deliveredAt[0]! > captured.t0 + 10_000);
      console.info('[burst]', JSON.stringify({ delivery, flushed, late: late.length, ...figures(load) }));
      expect({ ...delivery, late: late.length }).toEqual({
        delivered: 1000,
        duplicates: 0,
        missing: 0,
        reportedLoss: 0,
        relabelled: 0,
        late: 0,
      });
      expect(flushed.result).toBe(true);
      expect(load.rssGrowthMiB).toBeLessThanOrEqual(64);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 40_000);
});

describe('a sustained load on a slow receiver', () => {
  it('2,000 errors/s for 5 s with 50 ms answers: stays up, heap bounded, the backlog drains, loss reported exactly', async () => {
    const receiver = await startReceiverProcess();
    await receiver.set({ latencyMs: 50 });
    const home = privateHome();
    try {
      const app = startApp({
        dsn: receiver.dsn,
        home,
        script: 'baseline;rate 2000 5000 sustained;report;flush 40000;flush 3000;report;exit 0',
      });
      const captured = await app.next<Captured>('captured', 20_000);
      const load = await app.next<AppReport>('report');
      const drained = await app.next('flushed', 45_000);
      await app.next('flushed', 5_000);
      const final = await app.next<AppReport>('report');
      const exit = await app.exit(5_000);

      const delivery = await deliveryOf(receiver, 'sustained', captured.count);
      const stats = await receiver.stats();
      console.info(
        '[sustained]',
        JSON.stringify({
          delivery,
          drained,
          discarded: stats.discarded,
          requests: stats.requests,
          maxInFlight: stats.maxInFlight,
          during: figures(load),
          after: figures(final),
        }),
      );
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(captured.count).toBe(10_000);
      expect({ duplicates: delivery.duplicates, relabelled: delivery.relabelled }).toEqual({
        duplicates: 0,
        relabelled: 0,
      });
      expect(delivery.reportedLoss).toBe(delivery.missing);
      expect(drained.result).toBe(true);
      // The heap budget is 32 MiB; the peak also holds garbage not yet collected.
      expect(final.heapGrowthMiB).toBeLessThanOrEqual(64);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 90_000);
});
