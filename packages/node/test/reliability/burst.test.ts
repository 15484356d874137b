// Issue #16, "Show": a burst and a sustained load through the default Node setup, counted on a receiver
// in another process: every event exactly once, or its loss in a client report of the same quantity.
import { startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import {
  deliveryOf,
  figures,
  privateHome,
  removeHome,
  startApp,
  type AppReport,
  type Captured,
  type LiveHeap,
} from './startApp';

describe('a burst to a healthy receiver', () => {
  it('delivers 1,000 captureException calls exactly once within 10 s, RSS growing by 64 MiB at most', async () => {
    const receiver = await startReceiverProcess();
    const home = privateHome();
    try {
      // One event first: undici's first request costs ~37 MiB of RSS for a moment (its llhttp WebAssembly),
      // once per process whatever follows. It is measured and printed; the budget is the burst's.
      const app = startApp({
        dsn: receiver.dsn,
        home,
        script: [
          'baseline;capture 1 warmup;flush 5000;report',
          'baseline;capture 1000 burst;flush 10000;flush 2000;report;exit 0',
        ].join(';'),
      });
      await app.next('flushed');
      const first = await app.next<AppReport>('report');
      await app.next<Captured>('captured');
      const captured = await app.next<Captured>('captured');
      const flushed = await app.next('flushed', 15_000);
      await app.next('flushed');
      // Taken once delivered: the peaks cover the captures and their delivery.
      const load = await app.next<AppReport>('report');
      expect(await app.exit(5_000)).toMatchObject({ code: 0 });

      const delivery = await deliveryOf(receiver, 'burst', 1000);
      const late = (await receiver.events('burst ')).filter((e) => e.deliveredAt[0]! > captured.t0 + 10_000);
      console.info(
        '[burst]',
        JSON.stringify({
          delivery,
          flushed,
          late: late.length,
          firstDeliveryRssGrowthMiB: figures(first).rssGrowthMiB,
          ...figures(load),
        }),
      );
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
  // Issue 24, item 8: 99% or more delivered (829 of 10,000 were refused with 32 connections and bodies not yet
  // journaled capped at 16 MiB); loss reported exactly (issue 16).
  it('2,000 errors/s for 5 s with 50 ms answers: stays up, heap bounded, 99% or more delivered, loss reported exactly', async () => {
    const receiver = await startReceiverProcess();
    await receiver.set({ latencyMs: 50 });
    const home = privateHome();
    try {
      const app = startApp({
        dsn: receiver.dsn,
        home,
        nodeArgs: ['--expose-gc'],
        script: 'gc base;baseline;rate 2000 5000 sustained;report;gc;flush 40000;flush 3000;report;gc;exit 0',
      });
      // The load's end, however long a loaded machine stretches its 5 s: what is measured is what it delivers.
      const captured = await app.next<Captured>('captured', 60_000);
      const load = await app.next<AppReport>('report');
      await app.next('gc');
      const atPeakBacklog = await app.next<LiveHeap>('gc');
      const drained = await app.next('flushed', 45_000);
      await app.next('flushed', 5_000);
      const final = await app.next<AppReport>('report');
      const afterDrain = await app.next<LiveHeap>('gc');
      const exit = await app.exit(5_000);

      const delivery = await deliveryOf(receiver, 'sustained', captured.count);
      const stats = await receiver.stats();
      const round = (n: number) => Math.round(n * 10) / 10;
      console.info(
        '[sustained]',
        JSON.stringify({
          delivery,
          drained,
          discarded: stats.discarded,
          requests: stats.requests,
          maxInFlight: stats.maxInFlight,
          liveHeapGrowthMiB: {
            atEndOfLoad: round(atPeakBacklog.liveHeapGrowthMiB),
            afterDrain: round(afterDrain.liveHeapGrowthMiB),
          },
          duringLoad: { ...figures(load), stalls: load.stalls },
          untilDrained: figures(final),
        }),
      );
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(captured.count).toBe(10_000);
      expect({ duplicates: delivery.duplicates, relabelled: delivery.relabelled }).toEqual({
        duplicates: 0,
        relabelled: 0,
      });
      expect(delivery.delivered / captured.count).toBeGreaterThanOrEqual(0.99);
      expect(delivery.reportedLoss).toBe(delivery.missing);
      expect(drained.result).toBe(true);
      // The budget: heap growth within 32 MiB whatever the backlog. Measured live (after a full GC)
      // when the backlog is largest, at the end of the load; the peaks with garbage are printed above.
      expect(atPeakBacklog.liveHeapGrowthMiB).toBeLessThanOrEqual(32);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 150_000);
});
