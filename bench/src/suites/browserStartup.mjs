// Start-up in Chromium: parse, compile and run the bundle, `init` included, for @faultline/browser and
// @sentry/browser built the same way (esbuild IIFE, minified), alternating, each in a fresh browser
// context so no compiled code is reused; median of several runs.
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { median } from '../harness.mjs';

const DSN = "'https://publickey@o1.ingest.example.com/1'";
const SOURCES = {
  faultline: `import { init } from '@faultline/browser'; init({ dsn: ${DSN} });`,
  sentry: `import { init } from '@sentry/browser'; init({ dsn: ${DSN} });`,
};

async function bundle(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: new URL('../../', import.meta.url).pathname },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    define: { __SENTRY_DEBUG__: 'false' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Milliseconds from just before the bundle's script element to just after it ran. */
async function timeOnce(browser, code) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // No network: the SDKs must not send anything at init, and the page must not wait on it.
  await page.route('**/*', (route) => route.abort());
  await page.setContent(
    `<script>window.t0 = performance.now()</script><script>${code}</script><script>window.t1 = performance.now()</script>`,
  );
  const ms = await page.evaluate(() => globalThis.t1 - globalThis.t0);
  await context.close();
  return ms;
}

export async function runBrowserStartup({ runs = 15 } = {}) {
  const code = { faultline: await bundle(SOURCES.faultline), sentry: await bundle(SOURCES.sentry) };
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const samples = { faultline: [], sentry: [] };
  try {
    await timeOnce(browser, code.faultline);
    await timeOnce(browser, code.sentry);
    for (let i = 0; i < runs; i++) {
      for (const sdk of i % 2 === 0 ? ['faultline', 'sentry'] : ['sentry', 'faultline'])
        samples[sdk].push(await timeOnce(browser, code[sdk]));
    }
  } finally {
    await browser.close();
  }
  const f = median(samples.faultline);
  const s = median(samples.sentry);
  const row = (name, values) =>
    `| ${name} | ${median(values).toFixed(2)} | ${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)} |`;
  return [
    `### Start-up in Chromium: parse + run the bundle + \`init\` (median of ${runs}, \`bench/src/suites/browserStartup.mjs\`)`,
    '',
    'Each SDK as an esbuild-minified IIFE of `init({ dsn })`, inline in a fresh page of a fresh browser context (Debian Chromium, headless).',
    '',
    '| SDK | ms (median) | min–max |',
    '| --- | ---: | ---: |',
    row('@faultline/browser', samples.faultline),
    row('@sentry/browser', samples.sentry),
    '',
    `@sentry/browser takes ${(s / f).toFixed(1)}× as long to start.`,
    '',
  ].join('\n');
}
