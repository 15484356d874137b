// Issue 24, item 8: capacity of the default Node setup with realistic ~10 KB errors (a cause chain, context
// lines, 10 breadcrumbs, 5 tags), counted on a receiver in another process.
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

/** The app's first turns: its journal is set up (a loop before the process ever yields is not this test). */
const WARM_UP = 'capture 1 warmup;flush 5000';
const exact = { delivered: 1000, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 };

describe('capacity with realistic errors', () => {
  it('admits a loop of 1,000 whole, 11 MB of bodies past the 8 MiB budget spilled to the journal', async () => {
    const receiver = await startReceiverProcess();
    const home = privateHome();
    try {
      const app = startApp({
        dsn: receiver.dsn,
        home,
        nodeArgs: ['--expose-gc'],
        script: `${WARM_UP};gc base;baseline;capture 1000 burst real;gc;flush 30000;flush 2000;report;exit 0`,
      });
      await app.next('captured');
      await app.next('flushed');
      await app.next('gc');
      const captured = await app.next<Captured>('captured', 30_000);
      const afterLoop = await app.next<LiveHeap>('gc');
      const flushed = await app.next('flushed', 35_000);
      await app.next('flushed');
      const report = await app.next<AppReport>('report');
      expect(await app.exit(5000)).toMatchObject({ code: 0 });
      const delivery = await deliveryOf(receiver, 'burst', 1000);
      const { discarded } = await receiver.stats();
      console.info(
        '[realistic burst]',
        JSON.stringify({
          delivery,
          discarded,
          flushed,
          loopMs: captured.t1 - captured.t0,
          afterLoop,
          ...figures(report),
        }),
      );
      expect({ delivery, discarded }).toEqual({ delivery: exact, discarded: {} });
      expect(flushed).toMatchObject({ result: true });
      // Held in memory once the loop is over: bodies within the budget (8 MiB) and one batch being spilled.
      expect(afterLoop.liveHeapGrowthMiB).toBeLessThanOrEqual(16);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 60_000);

  it('2,000/s for 5 s of realistic errors to a 50 ms receiver: heap bounded by the budget, every loss reported exactly', async () => {
    const receiver = await startReceiverProcess();
    await receiver.set({ latencyMs: 50 });
    const home = privateHome();
    try {
      const app = startApp({
        dsn: receiver.dsn,
        home,
        nodeArgs: ['--expose-gc'],
        script: `${WARM_UP};gc base;baseline;rate 2000 5000 sustained real;report;gc;flush 60000;flush 3000;exit 0`,
      });
      await app.next('captured');
      await app.next('flushed');
      await app.next('gc');
      const captured = await app.next<Captured>('captured', 60_000);
      const load = await app.next<AppReport>('report');
      const atEndOfLoad = await app.next<LiveHeap>('gc');
      const drained = await app.next('flushed', 65_000);
      await app.next('flushed', 5000);
      expect(await app.exit(5000)).toMatchObject({ code: 0 });
      const delivery = await deliveryOf(receiver, 'sustained', captured.count);
      const { discarded, maxInFlight } = await receiver.stats();
      console.info(
        '[realistic sustained]',
        JSON.stringify({
          delivery,
          deliveredShare: delivery.delivered / captured.count,
          discarded,
          maxInFlight,
          drained,
          loadMs: captured.t1 - captured.t0,
          liveHeapGrowthAtEndOfLoadMiB: atEndOfLoad.liveHeapGrowthMiB,
          ...figures(load),
        }),
      );
      expect(captured.count).toBe(10_000);
      expect({ duplicates: delivery.duplicates, relabelled: delivery.relabelled }).toEqual({
        duplicates: 0,
        relabelled: 0,
      });
      expect(delivery.reportedLoss).toBe(delivery.missing);
      expect(drained).toMatchObject({ result: true });
      // The backlog at its largest (64 MiB of bodies when the process cannot keep up) holds 8 MiB of them.
      expect(atEndOfLoad.liveHeapGrowthMiB).toBeLessThanOrEqual(32);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 120_000);

  for (const tls of [false, true]) {
    const protocol = tls ? 'HTTP/2 on one connection' : 'HTTP/1.1, one connection each';
    it(`keeps 100 or more requests in flight to a slow receiver (${protocol})`, async () => {
      const receiver = await startReceiverProcess(0, { tls });
      await receiver.set({ latencyMs: 500 });
      const home = privateHome();
      try {
        const app = startApp({
          dsn: receiver.dsn,
          home,
          env: receiver.ca ? { NODE_EXTRA_CA_CERTS: receiver.ca } : {},
          script: `${WARM_UP};capture 1000 burst real;flush 30000;exit 0`,
        });
        await app.next('flushed', 30_000);
        await receiver.resetPeak();
        const flushed = await app.next('flushed', 35_000);
        expect(await app.exit(5000)).toMatchObject({ code: 0 });
        const stats = await receiver.stats();
        const delivery = await deliveryOf(receiver, 'burst', 1000);
        const { maxInFlight, connections, httpVersions } = stats;
        console.info(
          `[in flight, ${protocol}]`,
          JSON.stringify({ delivery, flushed, maxInFlight, connections, httpVersions }),
        );
        expect(delivery).toEqual(exact);
        expect(maxInFlight).toBeGreaterThanOrEqual(100);
        if (tls) expect(httpVersions).toEqual({ '2.0': 1001 });
        // HTTP/2: the warm-up's connection (which told that the receiver speaks it), then one that carries
        // all 100 at once.
        if (tls) expect(connections).toBeLessThanOrEqual(2);
      } finally {
        await receiver.close();
        removeHome(home);
      }
    }, 60_000);
  }
});
