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
  // 503 to everything, asking for a pause longer than the test: no probe is on the wire at the reload, so
  // the only way an envelope can arrive twice is the one this test is about. (A request on the wire when
  // a page unloads is kept in the journal: it may arrive twice, with the same event_id, rather than be
  // lost if it fails.)
  server.refusing = true;
  server.refusingRetryAfter = '60';
  await page.goto(`${server.origin}/reload-after-recovery/`);
  await page.evaluate(() => window.captureErrors('queued', 40));
  await page.waitForTimeout(2000); // the first answer, a 503, paused the destination

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
