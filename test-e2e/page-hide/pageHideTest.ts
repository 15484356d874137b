import { expect, type Page } from '@playwright/test';
import { startReceiverProcess, type ReceiverProcess } from '../../packages/test-utils/src/startReceiverProcess';
import type { FixtureServer } from '../support/startFixtureServer';
import { test as base } from '../support/test';

declare global {
  interface Window {
    captureErrors(prefix: string, count: number): void;
    shown: boolean[];
  }
}

/** The two ways an app ships the SDK: the CDN file (`Faultline` global) and the ESM build, bundled. */
export const BUILDS = ['cdn', 'esm'] as const;
export type Build = (typeof BUILDS)[number];

/** The fixture test, plus the counting ingest receiver in a process of its own (another origin). */
export { expect };

export const test = base.extend<{ receiver: ReceiverProcess }>({
  receiver: async ({}, use) => {
    const receiver = await startReceiverProcess();
    await use(receiver);
    await receiver.close();
  },
});

/** The app page of `build`, sending to `receiver` with `init({ dsn })`. */
export const appUrl = (server: FixtureServer, receiver: ReceiverProcess, build: Build): string =>
  `${server.origin}/page-hide/${build}.html?receiver=127.0.0.1:${receiver.port}`;

export const capture = (page: Page, prefix: string, count: number): Promise<void> =>
  page.evaluate(([p, n]) => window.captureErrors(p, n), [prefix, count] as const);

/** What the receiver holds of captures `prefix 0` … `prefix count-1`: those never delivered, and those twice. */
export async function deliveryOf(
  receiver: ReceiverProcess,
  prefix: string,
  count: number,
): Promise<{ delivered: number; missing: string[]; twice: string[] }> {
  const deliveries = new Map<string, number>();
  for (const event of await receiver.events(`${prefix} `)) {
    deliveries.set(event.label, (deliveries.get(event.label) ?? 0) + event.deliveries);
  }
  const labels = Array.from({ length: count }, (_, i) => `${prefix} ${i}`);
  return {
    delivered: labels.filter((label) => (deliveries.get(label) ?? 0) > 0).length,
    missing: labels.filter((label) => !deliveries.get(label)),
    twice: labels.filter((label) => (deliveries.get(label) ?? 0) > 1),
  };
}

/**
 * Waits until `count` captures `prefix 0` … arrived, then loads the page again (a later page load must not
 * send any of it again) and checks that each arrived exactly once and that nothing was counted as lost.
 */
export async function expectEachOnce(page: Page, receiver: ReceiverProcess, prefix: string, count: number) {
  await receiver.waitFor((stats) => stats.unique >= count, 30_000, `${count} events delivered`);
  await page.waitForTimeout(1000); // time for a duplicate to show up
  await page.reload();
  await page.waitForTimeout(1500);
  expect(await deliveryOf(receiver, prefix, count)).toEqual({ delivered: count, missing: [], twice: [] });
  expect((await receiver.stats()).discarded).toEqual({});
}

/** Sleeps until `ms` after `since` (a point on Date.now()'s clock). */
export const until = (since: number, ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, since + ms - Date.now())));
