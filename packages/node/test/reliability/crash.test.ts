// Issue #16, "Show": what a process that dies leaves is delivered by the next one (same HOME, default
// init), exactly once, counted on a receiver in another process.
import { startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import {
  deliveryOf,
  eventsLabelled,
  figures,
  folderFootprint,
  privateHome,
  removeHome,
  sleep,
  startApp,
  type AppMessage,
  type AppReport,
  type Captured,
} from './startApp';

/** Waits until nothing more is written under `dir` for `quietMs` (the journal has caught up). */
async function settled(dir: string, quietMs: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = folderFootprint(dir);
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(100);
    const now = folderFootprint(dir);
    if (now.bytes !== last.bytes || now.files !== last.files) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= quietMs) return last;
  }
  return last;
}

describe('a crash', () => {
  it('50 errors, SIGKILL 250 ms later with the receiver down: the next process delivers all 50, none twice', async () => {
    const receiver = await startReceiverProcess();
    await receiver.refuse();
    const home = privateHome();
    try {
      const first = startApp({ dsn: receiver.dsn, home, script: 'capture 50 crash;hold' });
      await first.next<Captured>('captured');
      await sleep(250);
      first.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');

      await receiver.reopen();
      const second = startApp({ dsn: receiver.dsn, home, stdin: true });
      await receiver.waitFor((s) => s.unique >= 50, 15_000, '50 events delivered').catch(() => undefined);
      second.send('flush 5000;flush 2000;exit 0');
      await second.next('flushed');
      await second.next('flushed');
      expect(await second.exit(5_000)).toMatchObject({ code: 0 });
      const afterSecond = (await receiver.stats()).requests;

      // A third start must find nothing left to send: what was delivered was acknowledged for good.
      const third = startApp({ dsn: receiver.dsn, home, script: 'wait 2000;flush 2000;exit 0' });
      expect(await third.exit(10_000)).toMatchObject({ code: 0 });
      const afterThird = await receiver.stats();

      const delivery = await deliveryOf(receiver, 'crash', 50);
      console.info(
        '[crash]',
        JSON.stringify({ delivery, requestsBySecond: afterSecond, requestsByThird: afterThird.requests - afterSecond }),
      );
      expect(delivery).toEqual({ delivered: 50, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
      expect(afterThird.unique).toBe(50);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 60_000);

  it('10,000 envelopes left by a dead process: init stays cheap, the first new event arrives within 2 s, no stall of its own over 100 ms', async () => {
    const receiver = await startReceiverProcess();
    await receiver.refuse();
    const home = privateHome();
    try {
      // An error storm of 10 s during an outage. Paced: in a tight loop (or at 2,000/s on a busy two-core
      // machine) the journal falls behind, newcomers are refused (queue_overflow, counted), and the counts
      // still in memory die with the SIGKILL; this test is about the next process, so it needs all 10,000 left.
      const dead = startApp({ dsn: receiver.dsn, home, script: 'rate 1000 10000 backlog;hold' });
      const emptyStart = await dead.next<AppMessage & { initMs: number }>('ready');
      await dead.next<Captured>('captured', 30_000);
      const left = await settled(home, 1_500, 40_000);
      dead.kill('SIGKILL');
      await dead.exited;

      await receiver.reopen();
      const next = startApp({ dsn: receiver.dsn, home, script: 'baseline;capture 1 fresh', stdin: true });
      const ready = await next.next<AppMessage & { initMs: number }>('ready');
      const fresh = await next.next<Captured>('captured');
      const freshEvent = await waitForLabel(receiver, 'fresh', 10_000);
      await receiver.waitFor((s) => s.unique >= 10_001, 45_000, 'the backlog delivered').catch(() => undefined);
      next.send('report;flush 5000;flush 2000;exit 0');
      const report = await next.next<AppReport>('report');
      await next.next('flushed', 10_000);
      await next.next('flushed');
      expect(await next.exit(5_000)).toMatchObject({ code: 0 });

      const backlog = await deliveryOf(receiver, 'backlog', 10_000);
      const freshDelivery = await deliveryOf(receiver, 'fresh', 1);
      const freshAfterMs = freshEvent ? freshEvent.deliveredAt[0]! - fresh.t0 : undefined;
      console.info(
        '[backlog]',
        JSON.stringify({
          leftOnDisk: left,
          initMsEmpty: emptyStart.initMs,
          initMsWithBacklog: ready.initMs,
          freshAfterMs,
          backlog,
          ...figures(report),
          stalls: report.stalls.map((s) => ({ afterFreshMs: s.at - fresh.t0, lateMs: s.lateMs, cpuMs: s.cpuMs })),
        }),
      );
      expect(ready.initMs).toBeLessThanOrEqual(50);
      expect(freshAfterMs).toBeLessThanOrEqual(2_000);
      // Stalls of the app's own making: timer lateness alone also counts the other processes of a busy
      // machine (the receiver parsing 10,000 envelopes shares its two cores); see busyStallMaxMs. 100 ms is
      // issue 24's bound for any backlog; measured 35–68 ms on an idle machine, 87 ms with a load of 10.
      expect(report.busyStallMaxMs).toBeLessThanOrEqual(100);
      expect(freshDelivery).toMatchObject({ delivered: 1, duplicates: 0 });
      expect({ duplicates: backlog.duplicates, relabelled: backlog.relabelled }).toEqual({
        duplicates: 0,
        relabelled: 0,
      });
      expect(backlog.reportedLoss).toBe(backlog.missing);
      expect(backlog.delivered).toBe(10_000);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 150_000);
});

describe('an uncaught exception', () => {
  it.concurrent(
    'with the receiver down: exits 1 with the stack on stderr; the next process delivers the event',
    async () => {
      const receiver = await startReceiverProcess();
      await receiver.refuse();
      const home = privateHome();
      try {
        const started = Date.now();
        const app = startApp({ dsn: receiver.dsn, home, script: 'throw uncaught-down' });
        const exit = await app.exit(15_000);
        expect(exit).toMatchObject({ code: 1, signal: null });
        expect(app.stderr()).toContain('Error: uncaught-down');
        expect(app.stderr()).toMatch(/\n\s+at .*crashTheProcess/);

        await receiver.reopen();
        const next = startApp({ dsn: receiver.dsn, home, stdin: true });
        await receiver.waitFor((s) => s.unique >= 1, 15_000, 'the event delivered').catch(() => undefined);
        next.send('flush 3000;flush 2000;exit 0');
        await next.next('flushed');
        await next.next('flushed');
        expect(await next.exit(5_000)).toMatchObject({ code: 0 });

        const delivery = await deliveryOf(receiver, 'uncaught-down', 1);
        const [event] = await eventsLabelled(receiver, 'uncaught-down');
        console.info('[uncaught, receiver down]', JSON.stringify({ delivery, exitAfterMs: exit!.at - started }));
        expect(delivery).toEqual({ delivered: 1, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
        expect(event!.level).toBe('fatal');
      } finally {
        await receiver.close();
        removeHome(home);
      }
    },
    45_000,
  );

  it.concurrent(
    'with the receiver up: delivered before the process exits 1, and not again by the next one',
    async () => {
      const receiver = await startReceiverProcess();
      const home = privateHome();
      try {
        const app = startApp({ dsn: receiver.dsn, home, script: 'throw uncaught-up' });
        const exit = await app.exit(15_000);
        expect(exit).toMatchObject({ code: 1, signal: null });
        expect(app.stderr()).toContain('Error: uncaught-up');
        const [event] = await eventsLabelled(receiver, 'uncaught-up');
        expect(event?.deliveredAt[0]).toBeLessThanOrEqual(exit!.at);

        const next = startApp({ dsn: receiver.dsn, home, script: 'wait 2000;flush 2000;exit 0' });
        expect(await next.exit(10_000)).toMatchObject({ code: 0 });
        const delivery = await deliveryOf(receiver, 'uncaught-up', 1);
        console.info('[uncaught, receiver up]', JSON.stringify({ delivery }));
        expect(delivery).toEqual({ delivered: 1, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
        expect(event!.level).toBe('fatal');
      } finally {
        await receiver.close();
        removeHome(home);
      }
    },
    45_000,
  );
});

async function waitForLabel(
  receiver: Awaited<ReturnType<typeof startReceiverProcess>>,
  label: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [event] = (await receiver.events(label)).filter((e) => e.deliveries > 0);
    if (event) return event;
    await sleep(50);
  }
  return undefined;
}
