// Attacks on the split ESM build (issue 27) as a new user meets it: `init({ dsn })`, esbuild with code
// splitting, real Chromium, the fixture server's receiver. Each test names the promise it attacks.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { describeLeaks, findLeaks } from '../../packages/test-utils/src/privacyCanaries';
import { expect, test } from '../support/test';

const HERE = path.dirname(fileURLToPath(import.meta.url));

test.beforeAll(async () => {
  await build({
    entryPoints: [path.join(HERE, 'app.mjs'), path.join(HERE, 'canaries.mjs')],
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    outdir: path.join(HERE, 'build'),
    entryNames: '[name]',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: '{}',
    logLevel: 'error',
  });
});

const PIPELINE = /\/split-attack\/build\/faultline-pipeline-[\w-]+\.js$/;

type Exception = { type: string; value: string; stacktrace?: { frames: unknown[] } };
const values = (event: { exception: { values: Exception[] } }): Exception[] => event.exception.values;

/** The page's tab hidden (another tab in front), then shown again: `visibilitychange` both ways. */
async function hideThenShow(page: Page): Promise<void> {
  for (const state of ['hidden', 'visible']) {
    await page.evaluate((visibility) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  }
}

/** Everything in the origin's localStorage, keys and values, as one text. */
const storageBytes = (page: Page): Promise<string> =>
  page.evaluate(() => Object.entries(localStorage).flat().join('\n'));

const settle = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));

for (const storage of ['works', 'throws'] as const) {
  test(`never loses: the chunk 404s, the tab is hidden and shown again, the chunk is deployed — the first line's error is delivered once (localStorage ${storage})`, async ({
    page,
    server,
  }) => {
    let missing = true;
    await page.route(PIPELINE, (route) =>
      missing ? route.fulfill({ status: 404, body: 'not found' }) : route.continue(),
    );
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.goto(`${server.origin}/split-attack/?storage=${storage}&throw=hidden+then+shown`);
    await expect.poll(() => warnings.join('\n')).toContain('Could not load the rest of the SDK');
    // A tab switch while the chunk is missing: the captures go to localStorage — or, when it cannot take
    // them, must stay where they were. The deploy lands; showing the tab again is one of the retries.
    missing = false;
    await hideThenShow(page);
    const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
    expect(values(event).at(-1)).toMatchObject({ type: 'Error', value: 'hidden then shown' });
    await settle(page);
    expect(server.events()).toHaveLength(1);
  });
}

test('private by default: an error whose message was rewritten after it was made keeps its first message in its stack — not written unscrubbed to localStorage', async ({
  page,
  context,
  server,
}) => {
  const requested: string[] = [];
  await context.route(PIPELINE, (route) => void requested.push(route.request().url())); // never answered
  await page.goto(`${server.origin}/split-attack/?rewrap&throw=lookup+failed`);
  await expect.poll(() => requested.length).toBe(1);
  await page.goto(`${server.origin}/split-attack/still.html`);
  const stored = await storageBytes(page);
  expect(stored).toContain('checkout: lookup failed'); // the capture was kept
  expect(stored).not.toContain('ada.lovelace@example.com');
  expect(server.events()).toHaveLength(0);
});

test("never loses / private: a kept error's cause reaches the next page's event, scrubbed in storage and when sent", async ({
  page,
  context,
  server,
}) => {
  let hang = true;
  await context.route(PIPELINE, (route) => void (hang ? undefined : route.continue()));
  const requested: string[] = [];
  page.on('request', (request) => PIPELINE.test(request.url()) && requested.push(request.url()));
  await page.goto(`${server.origin}/split-attack/?cause&throw=order+refused`);
  await expect.poll(() => requested.length).toBe(1);
  await page.goto(`${server.origin}/split-attack/still.html`);
  const stored = await storageBytes(page);
  expect(stored).toContain('order refused');
  expect(stored).not.toContain('ada.lovelace@example.com');
  hang = false;
  await page.goto(`${server.origin}/split-attack/`);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  // Linked errors (a default integration) sends the cause first, as it does for an error captured live.
  expect(values(event).map((value) => value.value)).toEqual([
    'inner: the row of [Filtered] was locked',
    'order refused',
  ]);
  await settle(page);
  expect(server.events()).toHaveLength(1);
});

test('private by default: every canary planted before the chunk arrives (scopes, breadcrumbs 5 levels deep, a log, hints, a fetch, an uncaught error) is absent from localStorage and from what is sent; the kept log is sent by a next page that never logs', async ({
  page,
  context,
  server,
}) => {
  let hang = true;
  await context.route(PIPELINE, (route) => void (hang ? undefined : route.continue()));
  await page.goto(`${server.origin}/split-attack/canaries.html`);
  await expect.poll(() => server.apiRequests.length).toBe(1); // its last line ran: the fetch, then the throw
  const leftAt = Date.now();
  await page.goto(`${server.origin}/split-attack/still.html`);
  const stored = await storageBytes(page);
  expect(stored).toContain('uncaught contact'); // all kept
  expect(describeLeaks(stored)).toBe('');
  hang = false;
  // A page that never logs itself: the log kept by the first is still sent.
  await page.goto(`${server.origin}/split-attack/canaries.html?quiet`);
  await server.waitFor(() => server.events().length >= 3 && server.logs().length >= 1);
  await settle(page);
  const sent = server.envelopes.map((envelope) => envelope.body).join('\n');
  expect(describeLeaks(sent)).toBe('');
  expect(findLeaks(sent)).toEqual([]);
  expect(server.events()).toHaveLength(3);
  expect(server.logs()).toHaveLength(1);
  expect(server.logs()[0].timestamp * 1000).toBeLessThan(leftAt); // its own time
});
