import { expect, test } from '../support/test';
import { arrivals, messages, reportedLoss } from '../burst/countDeliveries';

declare global {
  interface Window {
    captureErrors(prefix: string, count: number): void;
  }
}

// The case a beacon at page hide used to send twice: the page hands its queue off by `sendBeacon` as it
// unloads, its IndexedDB deletes do not commit in time, and the next page load replays the journal.
test('receiver answering 503, recovering just before a reload: every error once, within 5 s of recovery', async ({
  page,
  server,
}) => {
  server.refusing = true; // 503 to everything
  await page.goto(`${server.origin}/reload-after-recovery/`);
  await page.evaluate(() => window.captureErrors('queued', 40));
  await page.waitForTimeout(2000); // several 503s, the transport backing off

  server.refusing = false;
  const recovered = Date.now();
  await page.reload();
  await server.waitFor(() => server.events().length >= 40, 5000);
  const lastArrival = Math.max(...server.envelopes.map((envelope) => envelope.at));
  expect(lastArrival - recovered).toBeLessThan(5000);

  // Later page loads must not send any of it again either.
  await page.waitForTimeout(1000);
  await page.reload();
  await page.waitForTimeout(1500);
  const counts = arrivals(server);
  expect([...counts.keys()].sort()).toEqual(messages('queued', 0, 40).sort());
  expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
  expect(reportedLoss(server)).toEqual({});
});
