import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from '../support/test';

const HERE = path.dirname(fileURLToPath(import.meta.url));

test.beforeAll(async () => {
  // What an app's bundler makes of the ESM build: esbuild, code splitting on, production.
  await build({
    entryPoints: [path.join(HERE, 'app.mjs')],
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    outdir: path.join(HERE, 'build'),
    entryNames: '[name]',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The packages as published (their build), not the repo's tsconfig paths to their sources.
    tsconfigRaw: '{}',
    logLevel: 'error',
  });
});

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
  expect(served).toEqual([404]);
  expect(server.events()).toHaveLength(0);
  // The deploy finished: the chunk is there. The browser coming back online is one of the retries.
  missing = false;
  await page.evaluate(() => dispatchEvent(new Event('online')));
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(event.exception.values.at(-1).value).toBe('thrown in the first line');
  expect(event.timestamp * 1000).toBeLessThan(thrownAt); // its own time, not the retry's
  expect(served).toEqual([404, 200]);
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
