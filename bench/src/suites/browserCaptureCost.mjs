// Main-thread time per capture in Chromium, all deferred work counted: @faultline/browser (its defaults:
// the pipeline loaded by import(), the IndexedDB journal, fetch delivery) and @sentry/browser, each built
// by esbuild (IIFE, minified, so Faultline's pipeline is inlined) into a page on a routed origin that
// answers every envelope 200. After `init` and a first flush (the pipeline is loaded, the journal open),
// the page captures N errors with a cause and flushes; Chrome's own TaskDuration (every main-thread task,
// promise jobs, IndexedDB callbacks and the fetches' completions included) is read before and after a
// further second of quiet, so work scheduled after the flush is counted too.
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { bundleSdk, captureBurst, openWarmPage, sdkEntry } from '../captureCostPage.mjs';
import { median } from '../harness.mjs';

const SOURCES = { faultline: sdkEntry('@faultline/browser'), sentry: sdkEntry('@sentry/browser') };

/** Main-thread milliseconds per capture for one page: `task` (TaskDuration) and `cpu` (ThreadTime). */
async function measureOnce(browser, code, captures) {
  const { context, page, mainThreadMs, sent } = await openWarmPage(browser, code);
  const before = await mainThreadMs();
  await captureBurst(page, captures);
  const after = await mainThreadMs();
  await context.close();
  // Every capture must have been sent, or the row would measure less work (Sentry's fetch transport drops
  // beyond its buffer: 40 of 100 in a burst arrived, hence bursts of 30).
  if (sent() < captures) throw new Error(`only ${sent()} of ${captures} envelopes arrived`);
  return { task: (after.task - before.task) / captures, cpu: (after.cpu - before.cpu) / captures };
}

export async function runBrowserCaptureCost({ runs = 7, captures = 30 } = {}) {
  const code = { faultline: (await bundleSdk(SOURCES.faultline)).code, sentry: (await bundleSdk(SOURCES.sentry)).code };
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
  const of = (sdk, kind) => samples[sdk].map((sample) => sample[kind]);
  const ratio = (kind) => (median(of('faultline', kind)) / median(of('sentry', kind))).toFixed(2);
  const cells = (values) =>
    `${median(values).toFixed(3)} | ${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)}`;
  const row = (name, sdk) => `| ${name} | ${cells(of(sdk, 'task'))} | ${cells(of(sdk, 'cpu'))} |`;
  return [
    `### Main-thread time per capture in Chromium, deferred work counted (median of ${runs} pages × ${captures} captures, \`bench/src/suites/browserCaptureCost.mjs\`)`,
    '',
    'Each SDK with its defaults (Faultline: IndexedDB journal, fetch; Sentry: fetch), captures of an Error with a cause, then `flush` and a second of quiet; Chrome’s TaskDuration over all of it, divided by the captures, and the main thread’s CPU time (ThreadTime) over the same window, which time spent descheduled on a loaded machine does not inflate. Where the time goes: `bench/src/suites/browserCaptureProfile.mjs`.',
    '',
    '| SDK | ms per capture (median) | min–max | CPU ms per capture (median) | min–max |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('@faultline/browser', 'faultline'),
    row('@sentry/browser', 'sentry'),
    '',
    `@faultline/browser takes ${ratio('task')}× Sentry's main-thread time per capture (${ratio('cpu')}× its main-thread CPU time).`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runBrowserCaptureCost());
