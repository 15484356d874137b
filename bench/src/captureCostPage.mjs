// The page both browser capture-cost suites measure (browserCaptureCost.mjs, browserCaptureProfile.mjs): an
// SDK's bundle served from a routed origin that answers every envelope 200, initialised with its defaults.

import { build } from 'esbuild';

export const ORIGIN = 'http://bench.test';
const DSN = `'${ORIGIN.replace('//', '//publickey@')}/1'`;

/** The page's source for `pkg`: `init` with a DSN, and the calls the burst makes. */
export const sdkEntry = (pkg) =>
  `import { init, captureException, flush } from '${pkg}'; init({ dsn: ${DSN} });` +
  'globalThis.__sdk = { captureException, flush };';

/**
 * `source` as the page's `/sdk.js`: esbuild, IIFE, minified, production, the packages as published (their
 * build, not the repository's paths to their sources). With `sourcemap`, also its source map's text.
 */
export async function bundleSdk(source, { sourcemap = false } = {}) {
  const result = await build({
    stdin: { contents: source, resolveDir: new URL('../', import.meta.url).pathname, sourcefile: 'page.js' },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    ...(sourcemap ? { sourcemap: 'external', outfile: 'sdk.js' } : {}),
    define: { __SENTRY_DEBUG__: 'false', 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: '{}',
    logLevel: 'silent',
  });
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'));
  return { code: result.outputFiles.find((file) => file !== map).text, map: map?.text };
}

/**
 * A page running `code` (served as `/sdk.js`), after `init` and a first flush (the pipeline is loaded, the
 * journal open), with a CDP session reading Chrome's main-thread time: TaskDuration (every task, promise
 * jobs, IndexedDB callbacks and fetch completions included) and ThreadTime (the main thread's CPU time,
 * which time spent descheduled on a loaded machine does not inflate). `sent()` counts envelopes received.
 */
export async function openWarmPage(browser, code) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let sent = 0;
  await page.route(`${ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/')
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="/sdk.js"></script>' });
    if (pathname === '/sdk.js') return route.fulfill({ contentType: 'text/javascript', body: code });
    sent++;
    return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(() => globalThis.__sdk.flush(5000));
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const mainThreadMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const ms = (name) => metrics.find((m) => m.name === name).value * 1000;
    return { task: ms('TaskDuration'), cpu: ms('ThreadTime') };
  };
  return { context, page, cdp, mainThreadMs, sent: () => sent };
}

/** `captures` errors with a cause, a flush, and a second of quiet, so work scheduled after the flush counts. */
export async function captureBurst(page, captures) {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      globalThis.__sdk.captureException(new Error(`Payment ${i} failed`, { cause: new TypeError(`card ${i}`) }));
    }
    await globalThis.__sdk.flush(10000);
  }, captures);
  await page.waitForTimeout(1000);
}
