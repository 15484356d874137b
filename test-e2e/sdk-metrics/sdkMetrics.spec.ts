import type { Page } from '@playwright/test';
import type { SdkMetrics } from '@faultline/browser';
import { expect, test } from '../support/test';

/** The CDN bundle's global (declared here only: other fixture pages declare `window.Faultline` otherwise). */
type FaultlineGlobal = {
  captureException(error: unknown): string;
  flush(timeout?: number): Promise<boolean>;
  getSdkMetrics(): SdkMetrics | undefined;
};
const metrics = (page: Page) =>
  page.evaluate(() => (window as unknown as { Faultline: FaultlineGlobal }).Faultline.getSdkMetrics()!);
const sentry = async (page: Page) => (await metrics(page)).destinations.sentry!;

test('getSdkMetrics in Chromium with the default setup: the IndexedDB journal, an outage, then delivery', async ({
  page,
  server,
}) => {
  server.refusing = true; // 503 until told otherwise
  await page.goto(`${server.origin}/sdk-metrics/`);
  await page.evaluate(() => {
    const api = (window as unknown as { Faultline: FaultlineGlobal }).Faultline;
    api.captureException(new Error('checkout failed'));
    api.captureException(new Error('payment failed'));
  });
  await expect.poll(async () => (await sentry(page)).envelopesSent.retry).toBeGreaterThan(0);
  const during = await metrics(page);
  expect(during.runtime).toBe('browser');
  expect(during.eventsCaptured.error).toBe(2);
  expect(during.destinations.sentry).toMatchObject({
    queueDepth: 2,
    queueCapacity: 100,
    journalDurable: true,
    envelopesSent: { ok: 0, rejected: 0, rate_limited: 0 },
  });
  await expect.poll(async () => (await sentry(page)).journalBytes).toBeGreaterThan(0); // written to IndexedDB
  expect(during.destinations.sentry!.sendDuration.count).toBe(during.destinations.sentry!.envelopesSent.retry);

  server.refusing = false;
  expect(await page.evaluate(() => (window as unknown as { Faultline: FaultlineGlobal }).Faultline.flush(10_000))).toBe(
    true,
  );
  const after = await sentry(page);
  expect(after).toMatchObject({ queueDepth: 0, journalBytes: 0, journalDurable: true });
  expect(after.envelopesSent.ok).toBe(2);
  const values = server
    .events()
    .map((event: { exception: { values: { value: string }[] } }) => event.exception.values[0]!.value);
  expect(values.sort()).toEqual(['checkout failed', 'payment failed']);
  expect((await metrics(page)).eventsDropped.send_error).toEqual({ error: 0, log_item: 0 });
});
