import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { arrivals, messages, reportedLoss } from './countDeliveries';
import { startSlowReceiver } from './startSlowReceiver';

declare global {
  interface Window {
    captureErrors(prefix: string, count: number): void;
    Faultline: { flush(timeout?: number): Promise<boolean> };
  }
}

const captureErrors = (page: Page, prefix: string, count: number) =>
  page.evaluate(([p, n]) => window.captureErrors(p, n), [prefix, count] as const);

// Default `init({ dsn })`, a real receiver in this process that answers each envelope after 200 ms.
test('100 errors in a burst (the default bound), receiver answering after 200 ms: each arrives once, no loss reported', async ({
  page,
  server,
}) => {
  const receiver = await startSlowReceiver(server.origin, 200);
  try {
    await page.goto(`${server.origin}/burst/?receiver=${receiver.host}`);
    await captureErrors(page, 'burst', 100);
    await server.waitFor(() => server.events().length >= 100, 20_000);
    expect(await page.evaluate(() => window.Faultline.flush(5000))).toBe(true);
    await page.waitForTimeout(1000); // time for a duplicate (or a late report) to show up
    const counts = arrivals(server);
    expect([...counts.keys()].sort()).toEqual(messages('burst', 0, 100).sort());
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(reportedLoss(server)).toEqual({});
  } finally {
    await receiver.close();
  }
});

test('300 errors in a burst: the first 100 arrive once, the 200 refused are reported exactly', async ({
  page,
  server,
}) => {
  const receiver = await startSlowReceiver(server.origin, 200);
  try {
    await page.goto(`${server.origin}/burst/?receiver=${receiver.host}`);
    await captureErrors(page, 'burst', 300);
    await server.waitFor(() => server.events().length >= 100, 20_000);
    expect(await page.evaluate(() => window.Faultline.flush(5000))).toBe(true); // sends the last drop counts
    await page.waitForTimeout(1000);
    const counts = arrivals(server);
    expect([...counts.keys()].sort()).toEqual(messages('burst', 0, 100).sort());
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(reportedLoss(server)).toEqual({ 'queue_overflow:error': 200 });
  } finally {
    await receiver.close();
  }
});
