// Issue #16, "Show": flush settles by its timeout and holds the process until then; a SIGTERM flush
// delivers on a retry. Default Node setup, receiver in another process.
import { startReceiverProcess, type ReceiverStep } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { deliveryOf, eventsLabelled, privateHome, removeHome, startApp, type AppMessage } from './startApp';

type Flushed = AppMessage & { result: boolean; started: number; ms: number };

describe('flush(10000) against a failing receiver', () => {
  it.concurrent.each([
    ['500', [{ status: 500 }], 10],
    ['429 with Retry-After: 60', [{ status: 429, headers: { 'Retry-After': '60' } }], 2],
  ] as Array<[string, ReceiverStep[], number]>)(
    'answering %s: settles false within ~10 s, the process waits for it, then ends by itself; the next process delivers the event',
    async (name, script, maxRequests) => {
      const receiver = await startReceiverProcess();
      await receiver.set({ script });
      const home = privateHome();
      const label = `flush-${name.slice(0, 3)}`;
      try {
        // Ends as a script does: nothing after the awaited flush, no process.exit().
        const app = startApp({ dsn: receiver.dsn, home, script: `capture 1 ${label};flush 10000;end` });
        const exit = await app.exit(30_000);
        const flushed = app.messages.find((m) => m.type === 'flushed') as Flushed | undefined;
        const whileFailing = await receiver.stats();
        console.info(
          `[flush, ${name}]`,
          JSON.stringify({
            exit: exit ?? 'still running after 30 s (killed)',
            exitAfterFlushMs: exit && flushed ? exit.at - (flushed.started + flushed.ms) : undefined,
            flushed,
            requests: whileFailing.requests,
            answered: whileFailing.answered,
          }),
        );
        // Exit code 13 is Node's "unsettled top-level await": the flush's timer did not hold the process.
        expect(exit).toMatchObject({ code: 0, signal: null });
        expect(flushed).toMatchObject({ result: false });
        expect(flushed!.ms).toBeLessThanOrEqual(10_750);
        expect(exit!.at).toBeGreaterThanOrEqual(flushed!.started + flushed!.ms);
        // Then an SDK nobody waits on keeps nothing alive (the envelope is journaled for the next start):
        // the exit comes after the shutdown flush on beforeExit (2 s by default), not at the next retry.
        expect(exit!.at - (flushed!.started + flushed!.ms)).toBeLessThanOrEqual(5_000);
        expect(whileFailing.requests).toBeGreaterThanOrEqual(1);
        expect(whileFailing.requests).toBeLessThanOrEqual(maxRequests);

        // It was not lost: the journal hands it to the next process.
        await receiver.set({ script: [] });
        const next = startApp({ dsn: receiver.dsn, home, stdin: true });
        await receiver.waitFor((s) => s.unique >= 1, 15_000, 'the event delivered').catch(() => undefined);
        next.send('flush 3000;flush 2000;exit 0');
        await next.next('flushed');
        await next.next('flushed');
        expect(await next.exit(5_000)).toMatchObject({ code: 0 });
        const delivery = await deliveryOf(receiver, label, 1);
        console.info(`[flush, ${name}, next process]`, JSON.stringify({ delivery }));
        expect(delivery).toEqual({ delivered: 1, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
      } finally {
        await receiver.close();
        removeHome(home);
      }
    },
    60_000,
  );
});

describe('SIGTERM', () => {
  it('flushes on SIGTERM: a first answer of 503 is retried and delivered before the process ends by the signal', async () => {
    const receiver = await startReceiverProcess();
    // Slow, so the first attempt is on the wire when the signal arrives and fails after it.
    await receiver.set({ script: [{ status: 503, count: 1, latencyMs: 200 }] });
    const home = privateHome();
    try {
      const app = startApp({ dsn: receiver.dsn, home, script: 'capture 1 sigterm;sigterm' });
      const exit = await app.exit(15_000);
      const [event] = await eventsLabelled(receiver, 'sigterm');
      const delivery = await deliveryOf(receiver, 'sigterm', 1);
      console.info(
        '[sigterm]',
        JSON.stringify({ exit, delivery, attempts: event?.attempts.length, deliveredAt: event?.deliveredAt }),
      );
      expect(exit).toMatchObject({ signal: 'SIGTERM' });
      expect(event?.attempts.length).toBeGreaterThanOrEqual(2);
      expect(event?.deliveredAt[0]).toBeLessThanOrEqual(exit!.at);
      expect(delivery).toEqual({ delivered: 1, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 30_000);
});
