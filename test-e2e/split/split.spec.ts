import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSplitApp } from '../support/splitBuild';
import { expect, test } from '../support/test';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// What an app's bundler makes of the ESM build: esbuild, code splitting on, production.
test.beforeAll(() => buildSplitApp(HERE, ['app.mjs', 'pii.mjs']));

const PIPELINE = /\/split\/build\/faultline-pipeline-[\w-]+\.js$/;

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
  test(`the page ${leaving} before the pipeline chunk arrives: its error is kept and delivered once by the next page load`, async ({
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
    // The capture asked for the pipeline at once; it is on its way and never comes.
    await expect.poll(() => requested).toEqual(['hung']);
    const leftAt = Date.now();
    hang = false;
    let next = page;
    if (leaving === 'closed') {
      await page.close({ runBeforeUnload: true });
      next = await context.newPage();
    }
    expect(server.events()).toHaveLength(0);
    await next.goto(`${server.origin}/split/?page=second`);
    await server.waitFor(() => server.events().length >= 2);
    await next.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const values = server
      .events()
      .map((e: { exception: { values: { value: string }[] } }) => e.exception.values.at(-1)!.value);
    expect(values.sort()).toEqual(['thrown in the first line of first', 'thrown in the first line of second']);
    const first = server
      .events()
      .find((e: { exception: { values: { value: string }[] } }) => e.exception.values.at(-1)!.value.endsWith('first'));
    expect(first.timestamp * 1000).toBeLessThan(leftAt); // its own time
    expect(first).toMatchObject({
      release: 'e2e@1.0.0',
      exception: { values: [{ type: 'TypeError', mechanism: { type: 'onerror', handled: false } }] },
    });
    expect(first.breadcrumbs.map((b: { message: string }) => b.message)).toContain('booting');
    // Delivered, so deleted: nothing left in the page's storage, and a third page load sends only its own error.
    expect(await next.evaluate(() => localStorage.length)).toBe(0);
    await next.goto(`${server.origin}/split/?page=third`);
    await server.waitFor(() => server.events().length >= 3);
    await next.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(server.events()).toHaveLength(3);
  });
}

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
