// Issue #24 item 3: a step of one process's wall clock never makes a live sibling look dead. Two apps
// (default init) share one journal; one of them has its clock stepped +60 s and then back a day (a preload
// fakes Date in that process only). Neither adopts the other's folder: no event is sent twice, neither
// journal turns itself off.
import { fileURLToPath } from 'node:url';
import { startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { deliveryOf, privateHome, removeHome, startApp, type AppMessage } from './startApp';

const CLOCK = fileURLToPath(new URL('./fixtures/clockStep.mjs', import.meta.url));

describe('a wall-clock step in one of two processes sharing a journal', () => {
  it('+60 s, then a day back: 100 events, none sent twice, neither journal off', async () => {
    const receiver = await startReceiverProcess();
    // Every envelope stays in flight (journaled, not yet acknowledged) for 400 ms: adopting a live sibling's
    // folder would replay those, and they would arrive twice.
    await receiver.set({ latencyMs: 400 });
    const home = privateHome();
    try {
      const script = (label: string) => `rate 2 25000 ${label};flush 10000;exit 0`;
      const stepped = startApp({
        dsn: receiver.dsn,
        home,
        script: script('stepped'),
        nodeArgs: [`--import=${CLOCK}`],
        // +60 s at 2 s, then to a day behind at 13 s: each past a heartbeat (5 s) and the staleness (20 s).
        env: { CLOCK_STEPS: `2000:60000,13000:${-86_400_000 - 60_000}` },
      });
      const steady = startApp({ dsn: receiver.dsn, home, script: script('steady') });
      const [a, b] = await Promise.all([stepped.exit(90_000), steady.exit(90_000)]);
      expect(a, stepped.stderr()).toMatchObject({ code: 0 });
      expect(b, steady.stderr()).toMatchObject({ code: 0 });
      const steps = stepped.messages.filter((m: AppMessage) => m.type === 'clock');
      expect(steps.map((m) => m.offset)).toEqual([60_000, -86_400_000]);
      const flushed = [...stepped.messages, ...steady.messages].filter((m) => m.type === 'flushed');
      const deliveries = {
        stepped: await deliveryOf(receiver, 'stepped', 50),
        steady: await deliveryOf(receiver, 'steady', 50),
      };
      const journalLines = [stepped, steady].flatMap((app) =>
        app
          .stderr()
          .split('\n')
          .filter((line) => line.includes('file journal')),
      );
      console.info('[clock step]', JSON.stringify({ deliveries, journalLines, flushed: flushed.map((m) => m.result) }));
      expect(deliveries.stepped).toEqual({ delivered: 50, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
      expect(deliveries.steady).toEqual({ delivered: 50, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
      expect(journalLines).toEqual([]); // neither journal said it lost durability (its folder taken away)
      expect((await receiver.stats()).duplicates).toBe(0);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 150_000);
});
