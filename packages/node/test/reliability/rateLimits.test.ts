// Issue #16, "Show": rate limits and Retry-After pace the requests a receiver sees (no hot loop), and
// what they hold back is delivered afterwards or reported. Default Node setup, receiver in another process.
import { startReceiverProcess, type ReceiverStep } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { deliveryOf, eventsLabelled, minAttemptGap, privateHome, removeHome, sleep, startApp } from './startApp';

interface Case {
  name: string;
  label: string;
  events: number;
  step: ReceiverStep;
  /** How long the receiver answers `step` before it answers 200. */
  phaseMs: number;
  /** Most requests the receiver may see during the phase. */
  maxRequests: number;
  /** Least gap between two attempts of one event during the phase. */
  minGapMs: number;
  /** Once it answers 200 again, all is delivered (or reported) within this. */
  recoverWithinMs: number;
}

const cases: Case[] = [
  {
    // Errors are not limited, so the 429 is a failed attempt: a backoff step, not a hot loop (~1,100/s).
    name: '429 whose X-Sentry-Rate-Limits names only other categories (60:transaction)',
    label: 'rl-other',
    events: 1,
    step: { status: 429, headers: { 'X-Sentry-Rate-Limits': '60:transaction' } },
    phaseMs: 6_000,
    maxRequests: 5,
    minGapMs: 450,
    recoverWithinMs: 15_000,
  },
  {
    name: '503 with Retry-After: 2',
    label: 'rl-retry-after',
    events: 3,
    step: { status: 503, headers: { 'Retry-After': '2' } },
    phaseMs: 5_000,
    // One probe at a time, none sooner than 2 s after the last answer: 0, 2, 4 s (+ the first burst of 3).
    maxRequests: 6,
    minGapMs: 1_950,
    recoverWithinMs: 10_000,
  },
  {
    // A limit of 0 s is no limit (Sentry reads it so, not as 60 s); the 429 still costs a backoff step.
    name: '429 with a limit of 0 (X-Sentry-Rate-Limits: 0:error)',
    label: 'rl-zero',
    events: 1,
    step: { status: 429, headers: { 'X-Sentry-Rate-Limits': '0:error' } },
    phaseMs: 5_000,
    maxRequests: 5,
    minGapMs: 450,
    recoverWithinMs: 10_000,
  },
];

describe('rate limits and Retry-After', () => {
  it.concurrent.each(cases.map((c) => [c.name, c] as const))(
    '%s: no more requests than the backoff allows, then delivered or reported',
    async (_name, c) => {
      const receiver = await startReceiverProcess();
      await receiver.set({ script: [{ ...c.step, forMs: 60_000 }] });
      const home = privateHome();
      try {
        const app = startApp({ dsn: receiver.dsn, home, script: `capture ${c.events} ${c.label}`, stdin: true });
        const captured = await app.next('captured');
        await sleep(captured.at + c.phaseMs - Date.now());
        const phase = await receiver.stats();
        await receiver.set({ script: [] });
        const recovered = Date.now();
        // Delivered now, or else lost and reported (reports go out with the flush below).
        await receiver.waitFor((s) => s.unique >= c.events, c.recoverWithinMs, 'delivered').catch(() => undefined);
        const recoveredInMs = Date.now() - recovered;
        app.send('flush 5000;flush 2000;exit 0');
        await app.next('flushed', 10_000);
        await app.next('flushed');
        expect(await app.exit(5_000)).toMatchObject({ code: 0 });

        const events = await eventsLabelled(receiver, c.label);
        const gap = minAttemptGap(events, recovered);
        const delivery = await deliveryOf(receiver, c.label, c.events);
        console.info(
          `[${c.label}]`,
          JSON.stringify({
            requestsInPhase: phase.requests,
            answered: phase.answered,
            minGapMs: gap,
            recoveredInMs,
            delivery,
          }),
        );
        expect(phase.requests).toBeGreaterThanOrEqual(1);
        expect(phase.requests).toBeLessThanOrEqual(c.maxRequests);
        expect(gap).toBeGreaterThanOrEqual(c.minGapMs);
        // Not held back until the flush: a limit read too long (0 as 60 s) shows here.
        expect(events.filter((e) => e.deliveredAt[0]! > recovered + c.recoverWithinMs)).toEqual([]);
        expect(delivery.duplicates).toBe(0);
        expect(delivery.reportedLoss).toBe(delivery.missing);
      } finally {
        await receiver.close();
        removeHome(home);
      }
    },
    45_000,
  );
});
