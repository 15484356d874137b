import { createServer } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../support/startFixtureServer';
import { expect, test } from '../support/test';
import { serveFromMemory } from './serveFromMemory';

declare global {
  interface Window {
    captureMany(prefix: string, count: number): void;
    queued(): Promise<number>;
    Faultline: { flush(timeout?: number): Promise<boolean> };
  }
}

const capture = (page: Page, prefix: string, count: number) =>
  page.evaluate(([p, n]) => window.captureMany(p, n), [prefix, count] as const);
const queued = (page: Page) => page.evaluate(() => window.queued());
/** How many times each message arrived. */
const arrivals = (server: FixtureServer) => {
  const counts = new Map<string, number>();
  for (const event of server.events()) counts.set(event.message, (counts.get(event.message) ?? 0) + 1);
  return counts;
};
/**
 * Takes the browser offline or back. The receiver refuses meanwhile too: Chromium's offline emulation
 * does not reach a keepalive request that outlives its page (seen here: one sent during a reload got
 * through), and a real offline browser delivers nothing.
 */
async function setOffline(context: BrowserContext, server: FixtureServer, offline: boolean): Promise<void> {
  server.refusing = offline;
  await context.setOffline(offline);
}
const messages = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `${prefix} ${from + i}`);

test('captured offline, reloaded while still offline, then online: every event arrives once', async ({
  page,
  context,
  server,
}) => {
  await serveFromMemory(context, server);
  await page.goto(`${server.origin}/offline-queue/`);
  await setOffline(context, server, true);
  await capture(page, 'before reload', 5);
  await expect.poll(() => queued(page)).toBe(5);

  await page.reload();
  await capture(page, 'after reload', 5);
  await expect.poll(() => queued(page)).toBe(10);
  expect(server.events()).toHaveLength(0);

  await setOffline(context, server, false); // the `online` event retries at once, without waiting out the backoff
  await server.waitFor(() => server.events().length >= 10);
  await expect.poll(() => queued(page)).toBe(0);
  await page.waitForTimeout(500); // time for a duplicate to show up, if there were one
  const counts = arrivals(server);
  expect([...counts.keys()].sort()).toEqual(
    [...messages('before reload', 0, 5), ...messages('after reload', 0, 5)].sort(),
  );
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
});

test('a receiver refusing connections for a while, then up: every event arrives once', async ({ page, server }) => {
  const port = await freePort(); // nothing listens here yet: connection refused
  await page.goto(`${server.origin}/offline-queue/?receiver=127.0.0.1:${port}`);
  await capture(page, 'while down', 20);
  await expect.poll(() => queued(page)).toBe(20);
  await page.waitForTimeout(1500); // several failed attempts, with backoff

  const receiver = await startFixtureServer(port);
  try {
    await receiver.waitFor(() => receiver.events().length >= 20, 15_000);
    await expect.poll(() => queued(page)).toBe(0);
    await page.waitForTimeout(500);
    const counts = arrivals(receiver);
    expect([...counts.keys()].sort()).toEqual(messages('while down', 0, 20).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  } finally {
    await receiver.close();
  }
});

test('a closed tab’s backlog is adopted whole by one of two tabs opened at once: each envelope sent once', async ({
  context,
  server,
}) => {
  await serveFromMemory(context, server);
  const closed = await context.newPage();
  await closed.goto(`${server.origin}/offline-queue/`);
  await setOffline(context, server, true);
  await capture(closed, 'backlog', 40);
  await expect.poll(() => queued(closed)).toBe(40);
  await closed.close(); // offline, so no beacon: its journal stays for the next owner

  // A slow receiver keeps each send in flight long enough for the other tab to try the same entry.
  await context.route('**/api/1/envelope/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await route.fallback();
  });
  const tabs = [await context.newPage(), await context.newPage()];
  const sentBy = [0, 0];
  tabs.forEach((tab, i) =>
    tab.on('request', (request) => {
      if (request.url().includes('/api/1/envelope/')) sentBy[i]!++;
    }),
  );
  await Promise.all(tabs.map((tab) => tab.goto(`${server.origin}/offline-queue/`)));
  await expect.poll(() => queued(tabs[0]!)).toBe(40);

  await setOffline(context, server, false); // both tabs hear `online`; only the one that adopted has anything
  await server.waitFor(() => server.events().length >= 40, 20_000);
  await expect.poll(() => queued(tabs[0]!)).toBe(0);
  await tabs[0]!.waitForTimeout(1000);
  const counts = arrivals(server);
  expect([...counts.keys()].sort()).toEqual(messages('backlog', 0, 40).sort());
  expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
  expect(sentBy.filter((n) => n > 0)).toHaveLength(1);
});

test('500 events offline with the defaults: the first 100 are kept and arrive, a client report counts the 400 refused', async ({
  page,
  context,
  server,
}) => {
  test.setTimeout(60_000);
  await page.goto(`${server.origin}/offline-queue/`);
  await setOffline(context, server, true);
  await capture(page, 'offline', 500);
  await expect.poll(() => queued(page), { timeout: 20_000 }).toBe(100);

  await setOffline(context, server, false);
  await server.waitFor(() => server.events().length >= 100, 20_000);
  await page.evaluate(() => window.Faultline.flush(5000)); // sends the report of the last refusals
  await page.waitForTimeout(300);
  expect([...arrivals(server).keys()].sort()).toEqual(messages('offline', 0, 100).sort());
  const refused = server.envelopes
    .flatMap((envelope) => envelope.items.filter(([header]) => header.type === 'client_report'))
    .flatMap(([, report]) => report.discarded_events)
    .filter((discarded: any) => discarded.reason === 'queue_overflow' && discarded.category === 'error')
    .reduce((sum: number, discarded: any) => sum + discarded.quantity, 0);
  expect(refused).toBe(400);
});

test('IndexedDB over quota: the SDK carries on in memory and the page sees no error', async ({ page, server }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text());
  });
  await page.goto(`${server.origin}/offline-queue/`);
  await capture(page, 'in memory', 5);
  await server.waitFor(() => server.events().length >= 5);
  expect([...arrivals(server).keys()].sort()).toEqual(messages('in memory', 0, 5).sort());
  expect(pageErrors).toEqual([]);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}
