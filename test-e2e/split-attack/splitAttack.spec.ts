// Attacks on the split ESM build (issue 27) as a new user meets it: `init({ dsn })`, esbuild with code
// splitting, real Chromium, the fixture server's receiver. Each test names the promise it attacks.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { describeLeaks, findLeaks } from '../../packages/test-utils/src/privacyCanaries';
import { reportedLoss } from '../burst/countDeliveries';
import { markDestinationFailing } from '../support/markDestinationFailing';
import { buildSplitApp, hideThenShow, pipelineChunkIn } from '../support/splitBuild';
import { expect, test } from '../support/test';

const HERE = path.dirname(fileURLToPath(import.meta.url));

test.beforeAll(() => buildSplitApp(HERE, ['app.mjs', 'canaries.mjs']));

const PIPELINE = pipelineChunkIn('/split-attack/build');

type Exception = { type: string; value: string; stacktrace?: { frames: unknown[] } };
const values = (event: { exception: { values: Exception[] } }): Exception[] => event.exception.values;

/** Everything in the origin's localStorage, keys and values, as one text. */
const storageBytes = (page: Page): Promise<string> =>
  page.evaluate(() => Object.entries(localStorage).flat().join('\n'));

/** An earlier page saw the receiver fail: a page going away before its chunk arrives keeps what waits. */
async function afterAnOutage(page: Page, server: Parameters<typeof markDestinationFailing>[1]): Promise<void> {
  await page.goto(`${server.origin}/split-attack/still.html`);
  await markDestinationFailing(page, server);
}

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
  await afterAnOutage(page, server);
  await page.goto(`${server.origin}/split-attack/?rewrap&throw=lookup+failed`);
  await expect.poll(() => requested.length).toBe(1);
  await page.goto(`${server.origin}/split-attack/still.html`);
  const stored = await storageBytes(page);
  expect(stored).toContain('checkout: lookup failed'); // the capture was kept
  expect(stored).not.toContain('ada.lovelace@example.com');
  expect(server.events()).toHaveLength(0);
});

for (const destination of ['failing', 'healthy'] as const) {
  test(`never loses / private: an error's cause reaches the event, scrubbed in storage and when sent (destination ${destination}: ${destination === 'failing' ? 'kept for the next page' : 'sent by beacon at page hide'})`, async ({
    page,
    context,
    server,
  }) => {
    let hang = true;
    await context.route(PIPELINE, (route) => void (hang ? undefined : route.continue()));
    const requested: string[] = [];
    page.on('request', (request) => PIPELINE.test(request.url()) && requested.push(request.url()));
    if (destination === 'failing') await afterAnOutage(page, server);
    await page.goto(`${server.origin}/split-attack/?cause&throw=order+refused`);
    await expect.poll(() => requested.length).toBe(1);
    await page.goto(`${server.origin}/split-attack/still.html`);
    if (destination === 'healthy') await server.waitFor(() => server.events().length > 0);
    const stored = await storageBytes(page);
    if (destination === 'failing') expect(stored).toContain('order refused');
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
    expect(server.envelopes.map((envelope) => envelope.body).join('\n')).not.toContain('ada.lovelace@example.com');
  });
}

for (const destination of ['failing', 'healthy'] as const) {
  test(`private by default: every canary planted before the chunk arrives (scopes, breadcrumbs 5 levels deep, a log, hints, a fetch, an uncaught error) is absent from localStorage and from what is sent; the kept log is sent by a next page that never logs (destination ${destination}: errors ${destination === 'failing' ? 'kept' : 'sent by beacon at page hide'})`, async ({
    page,
    context,
    server,
  }) => {
    let hang = true;
    await context.route(PIPELINE, (route) => void (hang ? undefined : route.continue()));
    if (destination === 'failing') await afterAnOutage(page, server);
    await page.goto(`${server.origin}/split-attack/canaries.html`);
    await expect.poll(() => server.apiRequests.length).toBe(1); // its last line ran: the fetch, then the throw
    const leftAt = Date.now();
    await page.goto(`${server.origin}/split-attack/still.html`);
    if (destination === 'healthy') await server.waitFor(() => server.events().length >= 3);
    const stored = await storageBytes(page);
    // All kept; or the errors beaconed and the log kept (a beacon carries errors only).
    expect(stored).toContain(destination === 'failing' ? 'uncaught contact' : 'log');
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
}

for (const chunk of ['arrives', 'never arrives'] as const) {
  test(`never loses: flush(2000) called before the chunk arrived resolves true only once the capture was sent (chunk ${chunk})`, async ({
    page,
    server,
  }) => {
    if (chunk === 'never arrives') await page.route(PIPELINE, () => undefined); // never answered
    await page.goto(`${server.origin}/split-attack/?flush`);
    await page.waitForFunction(() => 'flushed' in window, null, { polling: 20 });
    const sentWhenResolved = server.events().length;
    const flushed = await page.evaluate(() => (window as { flushed?: boolean }).flushed);
    expect(flushed).toBe(chunk === 'arrives');
    expect(sentWhenResolved).toBe(chunk === 'arrives' ? 1 : 0);
  });
}

test('host app unharmed: init called twice before the chunk arrives — one event, with the second init’s release', async ({
  page,
  server,
}) => {
  await page.goto(`${server.origin}/split-attack/?again=second@2.0.0&throw=after+two+inits`);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(values(event).at(-1)!.value).toBe('after two inits');
  await settle(page);
  expect(server.events()).toHaveLength(1);
  expect(event.release).toBe('second@2.0.0');
  // Later captures too go to the second init's client — also once the first init's loader has had its
  // idle moment (requestIdleCallback's 2 s bound) and started a pipeline of its own, with its options.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2500)));
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('later');
    });
  });
  await server.waitFor(() => server.events().length >= 2);
  await settle(page);
  expect(server.events().map((e: { release: string }) => e.release)).toEqual(['second@2.0.0', 'second@2.0.0']);
});

for (const destination of ['failing', 'healthy'] as const) {
  test(`never loses: 20 page loads in a row each throw in their first line while the chunk 404s; the chunk deployed, the next load — or each page's beacon as it goes — sends each error once (destination ${destination})`, async ({
    page,
    context,
    server,
  }) => {
    test.setTimeout(90_000);
    let missing = true;
    let refused = 0;
    await context.route(PIPELINE, (route) => {
      if (!missing) return route.continue();
      refused++;
      return route.fulfill({ status: 404, body: 'not found' });
    });
    if (destination === 'failing') await afterAnOutage(page, server);
    for (let n = 1; n <= 20; n++) {
      const before = refused;
      await page.goto(`${server.origin}/split-attack/?throw=load+${n}`);
      await expect.poll(() => refused).toBeGreaterThan(before); // its capture asked for the chunk, in vain
    }
    if (destination === 'failing') expect(server.events()).toHaveLength(0);
    missing = false;
    await page.goto(`${server.origin}/split-attack/`);
    await server.waitFor(() => server.events().length >= 20, 20_000);
    await settle(page);
    const sent = server.events().map((e: { exception: { values: Exception[] } }) => values(e).at(-1)!.value);
    expect(sent.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `load ${i + 1}`).sort());
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });
}

const ROUNDS = 8;
const LOGS = 101;
/** Of the 100 records that may wait: the page load's session start, the error (in a log's place) and 98 logs. */
const KEPT_LOGS = 98;

// Found broken (2 to 5 of the 8 rounds sent their kept error twice, in each of 5 runs): claimEarlyRecords
// reads and removes the localStorage key in one task, but Chromium's localStorage is a per-renderer cache
// that hears of another process's removeItem asynchronously, so two tabs in two processes both read the
// records before either removal reaches the other (a page writing at pagehide can likewise write back records
// already claimed). Fixed: each kept record has an id, and a pipeline claims the ids in one IndexedDB readwrite
// transaction (add() per id; IndexedDB transactions are serialized across processes) before running them.
// The losses the closed page counted (101 logs and an error before the chunk: three logs beyond the 100
// records that may wait) were still reported by both tabs in such rounds; they are claimed by an id too.
test('never loses, once: two tabs of the origin open together and both claim what a closed page kept — each kept error and log is sent once, its losses reported once', async ({
  page,
  context,
  server,
}) => {
  test.setTimeout(90_000);
  let held: (() => Promise<void>)[] | undefined = [];
  await context.route(PIPELINE, (route) => void (held ? held.push(() => route.continue()) : route.continue()));
  const [second, third] = [await context.newPage(), await context.newPage()];
  for (let round = 1; round <= ROUNDS; round++) {
    held = [];
    await page.goto(`${server.origin}/split-attack/?throw=kept+${round}&logs=${LOGS}`);
    // Kept, not beaconed (the tabs' first answers of the last round cleared the mark).
    await markDestinationFailing(page, server);
    await page.goto(`${server.origin}/split-attack/still.html`);
    expect(await storageBytes(page)).toContain(`kept ${round}`);
    // Both tabs throw and ask for the chunk; it is answered to both at once (a deploy's first requests).
    await Promise.all([second, third].map((tab) => tab.goto(`${server.origin}/split-attack/?throw=tab`)));
    await expect.poll(() => held!.length).toBe(3); // the first page's request, and one per tab
    const release = held;
    held = undefined;
    await Promise.all(release.map((answer) => answer()));
    await server.waitFor(() => server.events().length >= round * 3);
    await settle(second);
  }
  const sent = server.events().map((e: { exception: { values: Exception[] } }) => values(e).at(-1)!.value);
  const kept = Array.from({ length: ROUNDS }, (_, i) => `kept ${i + 1}`);
  expect(sent.filter((value: string) => value.startsWith('kept')).sort()).toEqual(kept.sort());
  expect(sent.filter((value: string) => value === 'tab')).toHaveLength(ROUNDS * 2);
  // Each kept log once, each loss reported once: the tabs leave, so that their client reports go out.
  await server.waitFor(() => server.logs().length >= ROUNDS * KEPT_LOGS);
  await Promise.all([second, third].map((tab) => tab.goto(`${server.origin}/split-attack/still.html`)));
  const lost = ROUNDS * (LOGS - KEPT_LOGS);
  await expect.poll(() => reportedLoss(server)['queue_overflow:log_item'] ?? 0).toBeGreaterThanOrEqual(lost);
  await settle(page);
  const logs = server.logs().map((log: { body: string }) => log.body);
  expect(logs).toHaveLength(ROUNDS * KEPT_LOGS);
  expect(new Set(logs).size).toBe(ROUNDS * KEPT_LOGS);
  expect(reportedLoss(server)).toEqual({ 'queue_overflow:log_item': lost });
});

test("host app unharmed: a strict CSP (script-src and connect-src self, no unsafe-eval) — the chunk loads, the first line's error is delivered once, nothing is refused", async ({
  page,
  server,
}) => {
  await page.route(/\/split-attack\/\?throw=/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': "script-src 'self'; connect-src 'self'" },
    });
  });
  const refused: string[] = [];
  page.on('console', (message) => /Content Security Policy/i.test(message.text()) && refused.push(message.text()));
  await page.goto(`${server.origin}/split-attack/?throw=under+a+strict+policy`);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(values(event).at(-1)!.value).toBe('under a strict policy');
  await settle(page);
  expect(server.events()).toHaveLength(1);
  expect(refused).toEqual([]);
});
