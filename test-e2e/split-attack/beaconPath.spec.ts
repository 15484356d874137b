// Attacks on the entry's beacon path (issue 27): the page hidden or left before the pipeline chunk
// arrived, the destination healthy, so the entry builds and beacons its errors itself. `init({ dsn })`
// with the default integrations, esbuild with code splitting, real Chromium, the fixture server's receiver.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { buildSplitApp, pipelineChunkIn } from '../support/splitBuild';
import { expect, test } from '../support/test';

const HERE = path.dirname(fileURLToPath(import.meta.url));

test.beforeAll(() => buildSplitApp(HERE, ['beacon.mjs'], path.join(HERE, 'build', 'beacon')));

const PIPELINE = pipelineChunkIn('/split-attack/build/beacon');

type Exception = { type: string; value: string };
type SentEvent = { exception: { values: Exception[] } };
const lastValue = (event: SentEvent): string => event.exception.values.at(-1)!.value;

/** The tab hidden (another tab in front): `visibilitychange` to hidden; then, with `show`, shown again. */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((visibility) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

const settle = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));

/** Holds the pipeline chunk until `release()`; counts its requests. */
async function holdChunk(page: Page): Promise<{ requested: () => number; release: () => Promise<void> }> {
  const held: (() => Promise<void>)[] = [];
  let open = false;
  let requested = 0;
  await page.route(PIPELINE, (route) => {
    requested++;
    if (open) return route.continue();
    held.push(() => route.continue());
  });
  return {
    requested: () => requested,
    release: async () => {
      open = true;
      await Promise.all(held.splice(0).map((answer) => answer()));
    },
  };
}

for (const why of ['async', 'refuse'] as const) {
  test(`never loses: hidden before the chunk arrives, the error not beaconed (${why === 'async' ? 'beforeSend returns a promise' : 'sendBeacon refuses'}), shown again, the chunk arrives — the error is sent once (Dedupe on, as by default)`, async ({
    page,
    server,
  }) => {
    const chunk = await holdChunk(page);
    await page.goto(`${server.origin}/split-attack/beacon.html?${why}&throw=kept+then+shown`);
    await expect.poll(chunk.requested).toBe(1);
    await setVisibility(page, 'hidden');
    expect(await page.evaluate(() => localStorage.getItem('faultline:early-captures'))).toContain('kept then shown');
    await setVisibility(page, 'visible');
    await chunk.release();
    const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
    expect(lastValue(event)).toBe('kept then shown');
    await settle(page);
    expect(server.events()).toHaveLength(1);
  });
}

test('never loses: an object whose getter throws, captured before the chunk arrives and the page left — sent (by beacon), not counted lost', async ({
  page,
  server,
}) => {
  const chunk = await holdChunk(page);
  const thrown: string[] = [];
  page.on('pageerror', (error) => thrown.push(error.message));
  await page.goto(`${server.origin}/split-attack/beacon.html?getter`);
  await expect.poll(chunk.requested).toBe(1);
  await page.goto(`${server.origin}/split-attack/still.html`);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(lastValue(event)).toContain('code');
  expect(thrown).toEqual([]);
});

test('never loses: a 300,000-character error message thrown before the chunk arrives and the page left — sent (cut), by beacon or by the next page', async ({
  page,
  server,
}) => {
  const chunk = await holdChunk(page);
  await page.goto(`${server.origin}/split-attack/beacon.html?huge`);
  await expect.poll(chunk.requested).toBe(1);
  await page.goto(`${server.origin}/split-attack/still.html`);
  await chunk.release();
  await page.goto(`${server.origin}/split-attack/beacon.html`);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(lastValue(event)).toMatch(/^huge x+/);
  await settle(page);
  expect(server.events()).toHaveLength(1);
});

test('never loses: a beforeSend that throws, the page left before the chunk arrives — sent by beacon unchanged at once, as the pipeline sends it (not left for a next page load that may never come)', async ({
  page,
  server,
}) => {
  const chunk = await holdChunk(page);
  await page.goto(`${server.origin}/split-attack/beacon.html?throwing&throw=hook+throws`);
  await expect.poll(chunk.requested).toBe(1);
  await page.goto(`${server.origin}/split-attack/still.html`);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(lastValue(event)).toBe('hook throws');
  // Not also kept for a next page (the session update is kept: a beacon carries errors only).
  expect(await page.evaluate(() => localStorage.getItem('faultline:early-captures'))).not.toContain('hook throws');
  await settle(page);
  expect(server.events()).toHaveLength(1);
});

test('host app unharmed: a beforeSend whose promise rejects, the tab hidden before the chunk arrives — no unhandled rejection in the page, the error sent once when the chunk arrives', async ({
  page,
  server,
}) => {
  const chunk = await holdChunk(page);
  const rejections: string[] = [];
  await page.goto(`${server.origin}/split-attack/beacon.html?rejects&throw=rejected+hook`);
  await page.evaluate(() => {
    addEventListener('unhandledrejection', (event) => {
      (window as { rejected?: string[] }).rejected = [
        ...((window as { rejected?: string[] }).rejected ?? []),
        String(event.reason),
      ];
    });
  });
  await expect.poll(chunk.requested).toBe(1);
  await setVisibility(page, 'hidden');
  await settle(page);
  rejections.push(...((await page.evaluate(() => (window as { rejected?: string[] }).rejected)) ?? []));
  await setVisibility(page, 'visible');
  await chunk.release();
  await server.waitFor(() => server.events().length > 0);
  await settle(page);
  expect(server.events().map(lastValue)).toEqual(['rejected hook']);
  expect(rejections).toEqual([]);
});

test('beacon and pipeline send the same event: one error thrown with a tag, a user with an email, a context and a breadcrumb — by beacon as the page goes, then by the pipeline on the next load — differ only in id, time and trace', async ({
  page,
  server,
}) => {
  const chunk = await holdChunk(page);
  const url = `${server.origin}/split-attack/beacon.html?scoped&throw=compare+me`;
  await page.goto(url);
  await expect.poll(chunk.requested).toBe(1);
  await page.goto(`${server.origin}/split-attack/still.html`);
  await server.waitFor(() => server.events().length > 0);
  await chunk.release();
  await page.goto(url);
  const [beaconed, piped] = await server.waitFor(() => server.events().length > 1 && server.events());
  const comparable = (event: Record<string, any>): unknown => {
    const { event_id: _id, timestamp: _time, contexts, breadcrumbs, ...rest } = event;
    const { trace: _trace, ...otherContexts } = contexts;
    return {
      ...rest,
      contexts: otherContexts,
      breadcrumbs: breadcrumbs.map(({ timestamp: _at, ...crumb }: Record<string, unknown>) => crumb),
    };
  };
  expect(comparable(beaconed)).toEqual(comparable(piped));
  expect(JSON.stringify(piped)).not.toContain('ada.lovelace'); // what is compared is the private event
  expect(piped.user).toEqual({ id: '42' });
  expect(piped.tags).toEqual({ area: 'checkout' });
  expect(piped.sdk.integrations).toContain('Dedupe');
});
