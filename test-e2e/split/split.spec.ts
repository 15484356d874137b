import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markDestinationFailing } from '../support/markDestinationFailing';
import { buildSplitApp, pipelineChunkIn } from '../support/splitBuild';
import { expect, test } from '../support/test';

const HERE = path.dirname(fileURLToPath(import.meta.url));

test.beforeAll(() => buildSplitApp(HERE, ['app.mjs', 'pii.mjs']));

const PIPELINE = pipelineChunkIn('/split/build');

test('an error thrown in the first line, before the pipeline chunk arrives, is delivered once', async ({
  page,
  server,
}) => {
  const chunks: string[] = [];
  page.on('request', (request) => PIPELINE.test(request.url()) && chunks.push(request.url()));
  const before = Date.now();
  await page.goto(`${server.origin}/split/`);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(event.exception.values.at(-1)).toMatchObject({
    type: 'TypeError',
    value: 'thrown in the first line',
    mechanism: { type: 'onerror', handled: false },
  });
  expect(event).toMatchObject({ release: 'e2e@1.0.0' });
  expect(event.breadcrumbs.map((b: { message: string }) => b.message)).toContain('booting');
  expect(event.timestamp * 1000).toBeGreaterThanOrEqual(before);
  expect(chunks).toHaveLength(1); // the pipeline was a chunk of its own, loaded once
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  expect(server.events()).toHaveLength(1);
});

test('the pipeline chunk answering 404, then available: the error waits, and is delivered once it loads', async ({
  page,
  server,
}) => {
  let missing = true;
  const served: number[] = [];
  await page.route(PIPELINE, async (route) => {
    served.push(missing ? 404 : 200);
    if (missing) await route.fulfill({ status: 404, body: 'not found' });
    else await route.continue();
  });
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.goto(`${server.origin}/split/`);
  await expect.poll(() => warnings.join('\n')).toContain('Could not load the rest of the SDK');
  const thrownAt = Date.now();
  // One 404, or more: the page's session update is a record too, and a record retries the load.
  expect(served.length).toBeGreaterThanOrEqual(1);
  expect(new Set(served)).toEqual(new Set([404]));
  expect(server.events()).toHaveLength(0);
  // The deploy finished: the chunk is there. The browser coming back online is one of the retries.
  missing = false;
  await page.evaluate(() => dispatchEvent(new Event('online')));
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(event.exception.values.at(-1).value).toBe('thrown in the first line');
  expect(event.timestamp * 1000).toBeLessThan(thrownAt); // its own time, not the retry's
  expect(served.filter((status) => status === 200)).toHaveLength(1); // loaded once, after the 404s
  expect(served.at(-1)).toBe(200);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  expect(server.events()).toHaveLength(1);
});

for (const leaving of ['navigated away', 'closed'] as const) {
  test(`the page ${leaving} before the pipeline chunk arrives, its destination never seen failing: its error goes out by beacon as the page goes away, once`, async ({
    page,
    context,
    server,
  }) => {
    let hang = true;
    const requested: string[] = [];
    await context.route(PIPELINE, async (route) => {
      requested.push(hang ? 'hung' : 'served');
      if (!hang) await route.continue(); // else never answered: the chunk cannot arrive on this page
    });
    await page.goto(`${server.origin}/split/?page=first`);
    await expect.poll(() => requested).toEqual(['hung']);
    const leftAt = Date.now();
    hang = false;
    let next = page;
    if (leaving === 'closed') {
      await page.close({ runBeforeUnload: true });
      next = await context.newPage();
    }
    await next.goto(`${server.origin}/split/still.html`); // a page without the SDK: nothing else could send it
    const [first] = await server.waitFor(() => server.events().length > 0 && server.events());
    expect(first.timestamp * 1000).toBeLessThan(leftAt); // its own time
    expect(first).toMatchObject({
      release: 'e2e@1.0.0',
      environment: 'production',
      platform: 'javascript',
      sdk: { name: 'faultline.javascript.browser' },
      request: { url: `${server.origin}/split/?page=first` },
      exception: {
        values: [
          {
            type: 'TypeError',
            value: 'thrown in the first line of first',
            mechanism: { type: 'onerror', handled: false },
          },
        ],
      },
    });
    expect(first.exception.values[0].stacktrace.frames.at(-1).filename).toMatch(/\/split\/build\/app\.js$/);
    expect(first.breadcrumbs.map((b: { message: string }) => b.message)).toContain('booting');
    expect(first.contexts.trace.trace_id).toMatch(/^[0-9a-f]{32}$/);
    // Sent, so not kept: the next page load sends only its own error.
    expect(await next.evaluate(() => localStorage.getItem('faultline:early-captures') ?? '')).not.toContain('of first');
    await next.goto(`${server.origin}/split/?page=second`);
    await server.waitFor(() => server.events().length >= 2);
    await next.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const values = server
      .events()
      .map((e: { exception: { values: { value: string }[] } }) => e.exception.values.at(-1)!.value);
    expect(values).toEqual(['thrown in the first line of first', 'thrown in the first line of second']);
  });
}

test('page hide during an outage: an earlier page saw the receiver fail (503), so a page that goes away before its chunk arrives keeps its error rather than beacon it; the next load delivers each error once and clears the mark', async ({
  page,
  context,
  server,
}) => {
  let chunk: 'served' | 'hung' = 'served';
  await context.route(PIPELINE, async (route) => {
    if (chunk === 'served') await route.continue(); // else never answered
  });
  server.refusing = true;
  await page.goto(`${server.origin}/split/?page=zero`);
  // The fetch transport saw the 503 and left its mark for later pages.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('faultline:failing'))).toContain('/api/1/envelope/');
  server.refusing = false; // back; a beacon now would land — and must not be what sends the next error
  chunk = 'hung';
  await page.goto(`${server.origin}/split/?page=first`);
  await page.goto(`${server.origin}/split/still.html`);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  expect(server.events()).toHaveLength(0);
  expect(await page.evaluate(() => localStorage.getItem('faultline:early-captures'))).toContain('of first');
  chunk = 'served';
  await page.goto(`${server.origin}/split/?page=second`);
  await server.waitFor(() => server.events().length >= 3);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  const values = server
    .events()
    .map((e: { exception: { values: { value: string }[] } }) => e.exception.values.at(-1)!.value);
  expect(values.sort()).toEqual(['of first', 'of second', 'of zero'].map((name) => `thrown in the first line ${name}`));
  await expect.poll(() => page.evaluate(() => localStorage.getItem('faultline:failing'))).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem('faultline:early-captures'))).toBeNull();
});

test('captures kept at page hide are scrubbed before they are written: the storage holds no secret, the delivered event their scrubbed forms', async ({
  page,
  context,
  server,
}) => {
  let hang = true;
  await context.route(PIPELINE, async (route) => {
    if (!hang) await route.continue(); // else never answered
  });
  const requested: string[] = [];
  page.on('request', (request) => PIPELINE.test(request.url()) && requested.push(request.url()));
  await page.goto(`${server.origin}/split/still.html`);
  await markDestinationFailing(page, server); // kept, not beaconed: what is written is under test here
  await page.goto(`${server.origin}/split/pii.html`);
  await expect.poll(() => requested.length).toBe(1);
  // Left for a page of the same origin without the SDK: the storage as the page hide left it.
  await page.goto(`${server.origin}/split/still.html`);
  const stored = await page.evaluate(() => {
    const bytes: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      bytes.push(key, localStorage.getItem(key)!);
    }
    return bytes.join('\n');
  });
  expect(stored).toContain('refused (Bearer [Filtered])'); // the capture is there, scrubbed
  for (const secret of ['ada.lovelace@example.com', '4111 1111 1111 1111', '1111 1111', 'abcdefgh12345678'])
    expect(stored).not.toContain(secret);
  expect(server.events()).toHaveLength(0);

  hang = false;
  await page.goto(`${server.origin}/split/pii.html?quiet`);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(event.exception.values.at(-1)).toMatchObject({
    type: 'Error',
    value: 'card [Filtered] of [Filtered] refused (Bearer [Filtered])',
    mechanism: { type: 'onerror', handled: false },
  });
  expect(event.exception.values.at(-1).stacktrace.frames.length).toBeGreaterThan(0);
  expect(event.exception.values.at(-1).stacktrace.frames.at(-1).filename).toMatch(/\/split\/build\/pii\.js$/);
  expect(event.user).toEqual(expect.objectContaining({ id: 'u-42', username: 'ada' }));
  expect(event.user).not.toHaveProperty('email');
  expect(event.tags).toMatchObject({ contact: '[Filtered]' });
  expect(event.breadcrumbs.map((b: { message: string }) => b.message)).toContain('Authorization: Bearer [Filtered]');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  expect(server.events()).toHaveLength(1);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

test('a beacon at page hide carries nothing unscrubbed: the body as it reached the receiver holds none of the secrets, the event their scrubbed forms', async ({
  page,
  context,
  server,
}) => {
  await context.route(PIPELINE, () => undefined); // never answered
  const requested: string[] = [];
  page.on('request', (request) => PIPELINE.test(request.url()) && requested.push(request.url()));
  await page.goto(`${server.origin}/split/pii.html`);
  await expect.poll(() => requested.length).toBe(1);
  await page.goto(`${server.origin}/split/still.html`);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  const body = server.envelopes.map((envelope) => envelope.body).join('\n');
  for (const secret of ['ada.lovelace@example.com', '4111 1111 1111 1111', '1111 1111', 'abcdefgh12345678'])
    expect(body).not.toContain(secret);
  expect(event.exception.values.at(-1)).toMatchObject({
    type: 'Error',
    value: 'card [Filtered] of [Filtered] refused (Bearer [Filtered])',
    mechanism: { type: 'onerror', handled: false },
  });
  expect(event.user).toEqual(expect.objectContaining({ id: 'u-42', username: 'ada' }));
  expect(event.user).not.toHaveProperty('email');
  expect(event.tags).toMatchObject({ contact: '[Filtered]' });
  expect(event.breadcrumbs.map((b: { message: string }) => b.message)).toContain('Authorization: Bearer [Filtered]');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  expect(server.events()).toHaveLength(1);
});
