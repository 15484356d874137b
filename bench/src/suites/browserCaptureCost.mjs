// Main-thread time per capture in Chromium, all deferred work counted: @faultline/browser (its defaults:
// the pipeline loaded by import(), the IndexedDB journal, fetch delivery) and @sentry/browser, each built
// by esbuild (IIFE, minified, so Faultline's pipeline is inlined) into a page on a routed origin that
// answers every envelope 200. After `init` and a first flush (the pipeline is loaded, the journal open),
// the page captures N errors with a cause and flushes; Chrome's own TaskDuration (every main-thread task,
// promise jobs, IndexedDB callbacks and the fetches' completions included) is read before and after a
// further second of quiet, so work scheduled after the flush is counted too.
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { median } from '../harness.mjs';

const ORIGIN = 'http://bench.test';
const DSN = `'http://publickey@bench.test/1'`;
const api = (pkg) =>
  `import { init, captureException, flush } from '${pkg}'; init({ dsn: ${DSN} });` +
  'globalThis.__sdk = { captureException, flush };';
const SOURCES = { faultline: api('@faultline/browser'), sentry: api('@sentry/browser') };

async function bundle(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: new URL('../../', import.meta.url).pathname },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    define: { __SENTRY_DEBUG__: 'false', 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: '{}', // the packages as published (their build), not the repository's paths to their sources
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Main-thread milliseconds per capture for one page. */
async function measureOnce(browser, code, captures) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let sent = 0;
  await page.route(`${ORIGIN}/**`, (route) => {
    if (new URL(route.request().url()).pathname === '/') {
      return route.fulfill({ contentType: 'text/html', body: `<!doctype html><script>${code}</script>` });
    }
    sent++;
    return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(() => globalThis.__sdk.flush(5000));
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskTime = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const before = await taskTime();
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      globalThis.__sdk.captureException(new Error(`Payment ${i} failed`, { cause: new TypeError(`card ${i}`) }));
    }
    await globalThis.__sdk.flush(10000);
  }, captures);
  await page.waitForTimeout(1000);
  const spent = (await taskTime()) - before;
  await context.close();
  // Every capture must have been sent, or the row would measure less work (Sentry's fetch transport drops
  // beyond its buffer: 40 of 100 in a burst arrived, hence bursts of 30).
  if (sent < captures) throw new Error(`only ${sent} of ${captures} envelopes arrived`);
  return spent / captures;
}

export async function runBrowserCaptureCost({ runs = 7, captures = 30 } = {}) {
  const code = { faultline: await bundle(SOURCES.faultline), sentry: await bundle(SOURCES.sentry) };
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const samples = { faultline: [], sentry: [] };
  try {
    for (let i = 0; i < runs; i++) {
      for (const sdk of i % 2 === 0 ? ['faultline', 'sentry'] : ['sentry', 'faultline'])
        samples[sdk].push(await measureOnce(browser, code[sdk], captures));
    }
  } finally {
    await browser.close();
  }
  const f = median(samples.faultline);
  const s = median(samples.sentry);
  const row = (name, values) =>
    `| ${name} | ${median(values).toFixed(3)} | ${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)} |`;
  return [
    `### Main-thread time per capture in Chromium, deferred work counted (median of ${runs} pages × ${captures} captures, \`bench/src/suites/browserCaptureCost.mjs\`)`,
    '',
    'Each SDK with its defaults (Faultline: IndexedDB journal, fetch; Sentry: fetch), captures of an Error with a cause, then `flush` and a second of quiet; Chrome’s TaskDuration over all of it, divided by the captures.',
    '',
    '| SDK | ms per capture (median) | min–max |',
    '| --- | ---: | ---: |',
    row('@faultline/browser', samples.faultline),
    row('@sentry/browser', samples.sentry),
    '',
    `@faultline/browser takes ${(f / s).toFixed(2)}× Sentry's main-thread time per capture.`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runBrowserCaptureCost());
