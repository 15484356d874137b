// Where the main-thread time of browserCaptureCost.mjs goes: the same pages (each SDK with its defaults,
// built by esbuild, minified, with a source map), the same captures of an Error with a cause, flush and a
// second of quiet, recorded with CDP's sampling profiler. Self time is summed by source module (the
// package sources behind the minified code, through the bundle's source map) and by function, and set
// beside Chrome's TaskDuration for the same window (time outside JavaScript: IndexedDB, networking,
// style, shows as `(program)`). Run after `npm run build`:
//   node bench/src/suites/browserCaptureProfile.mjs [faultline|sentry] [pages] [captures]
import { chromium } from 'playwright';
import sourceMap from 'source-map';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { bundleSdk, captureBurst, openWarmPage, ORIGIN, sdkEntry } from '../captureCostPage.mjs';

const PACKAGES = { faultline: '@faultline/browser', sentry: '@sentry/browser' };

/** The page's code and its source map, ready to map profile positions back to package sources. */
async function bundle(source) {
  const { code, map } = await bundleSdk(source, { sourcemap: true });
  return { code, map: new sourceMap.SourceMapConsumer(JSON.parse(map)) };
}

/** One page: the CPU profile over the captures, flush and quiet, and TaskDuration over the same window. */
async function profileOnce(browser, code, captures) {
  const { context, page, cdp, mainThreadMs } = await openWarmPage(browser, code);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const before = await mainThreadMs();
  await cdp.send('Profiler.start');
  await captureBurst(page, captures);
  const { profile } = await cdp.send('Profiler.stop');
  const spent = (await mainThreadMs()).task - before.task;
  await context.close();
  return { profile, spent };
}

/** The package source a profile node's function comes from (through the map), or a bracketed V8 name. */
function whereOf(node, map) {
  const { url, lineNumber, columnNumber, functionName } = node.callFrame;
  if (!url) return { module: `(${functionName || 'native'})`, fn: functionName || '(anonymous)' };
  if (!url.endsWith('/sdk.js')) return { module: `(page: ${url.replace(ORIGIN, '') || 'evaluate'})`, fn: functionName };
  const pos = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
  const source = (pos.source ?? '?').replace(/^.*?(packages\/|node_modules\/)/, '$1');
  return { module: source, fn: `${pos.name ?? functionName ?? '(anonymous)'} ${source}:${pos.line}` };
}

/** The part of the work a module (or a native function) belongs to, as the issue splits it. */
const PARTS = [
  [/^\(+garbage collector\)+$/, 'GC'],
  [/^\(+program\)+$/, 'native, outside JavaScript (program)'],
  [/^\(fetch\)$/, 'fetch() itself (native)'],
  [/^\((setItem|removeItem|getItem)\)$/, 'journal: localStorage tombstones'],
  [/^\((put|delete|transaction|objectStore|open|get|getAll|getAllKeys|databases)\)$/, 'journal: IndexedDB'],
  [/scrub\//, 'scrubbing'],
  [/safeJsonStringify|serializeEnvelope|envelope\/|fitEventToSize|utf8Length|createSentryDestination/, 'serializing'],
  [/normalize\//, 'normalize'],
  [/createTombstones/, 'journal: localStorage tombstones'],
  [/createIndexedDbJournal|idbTransaction|createIdbHealing|idb-keyval/, 'journal: IndexedDB'],
  [/core\/src\/event\/|fingerprint|eventFromUnknown|browser\/src\/entry\/|describeThrown/, 'event building'],
  [/transports\//, 'transport'],
  [/browser\/src\/(integrations|isOwnRequest|describeFetch)|core\/src\/integrations\//, 'integrations'],
  [/core\/src\/(client|scope|carrier|api)\//, 'client pipeline, scopes'],
  [/^\(/, 'other native'],
];
const partOf = (module) => PARTS.find(([pattern]) => pattern.test(module))?.[1] ?? 'other JavaScript';

function addTo(table, key, ms) {
  table.set(key, (table.get(key) ?? 0) + ms);
}

/** Self time by module and by function, inclusive time by module, in ms over all pages. */
function attribute(profiles, map) {
  const selfByModule = new Map();
  const selfByPart = new Map();
  const selfByFn = new Map();
  const totalByModule = new Map();
  for (const profile of profiles) {
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const where = new Map(profile.nodes.map((n) => [n.id, whereOf(n, map)]));
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const id = profile.samples[i];
      const w = where.get(id);
      if (w.fn === '(idle)') continue;
      addTo(selfByModule, w.module, ms);
      addTo(selfByPart, partOf(w.module), ms);
      addTo(selfByFn, w.fn, ms);
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const m = where.get(at).module;
        if (seen.has(m)) continue;
        addTo(totalByModule, m, ms);
        seen.add(m);
      }
    }
  }
  return { selfByModule, selfByPart, selfByFn, totalByModule };
}

const top = (table, n, per) =>
  [...table]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${(v / per).toFixed(3).padStart(8)} ms  ${k}`)
    .join('\n');

export async function runBrowserCaptureProfile({ sdk = 'faultline', pages = 5, captures = 30 } = {}) {
  const { code, map } = await bundle(sdkEntry(PACKAGES[sdk]));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const profiles = [];
  let spent = 0;
  try {
    for (let i = 0; i < pages; i++) {
      const r = await profileOnce(browser, code, captures);
      profiles.push(r.profile);
      spent += r.spent;
    }
  } finally {
    await browser.close();
  }
  const per = pages * captures;
  const { selfByModule, selfByPart, selfByFn, totalByModule } = attribute(profiles, map);
  const sampled = [...selfByModule.values()].reduce((a, b) => a + b, 0);
  return [
    `${sdk}: TaskDuration ${(spent / per).toFixed(3)} ms per capture; sampled non-idle ${(sampled / per).toFixed(3)} ms per capture`,
    'self time by part (per capture):',
    top(selfByPart, 20, per),
    'self time by module (per capture):',
    top(selfByModule, 40, per),
    'inclusive time by module (per capture):',
    top(totalByModule, 40, per),
    'self time by function (per capture):',
    top(selfByFn, 50, per),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [sdk = 'faultline', pages = '5', captures = '30'] = process.argv.slice(2);
  console.log(await runBrowserCaptureProfile({ sdk, pages: Number(pages), captures: Number(captures) }));
}
