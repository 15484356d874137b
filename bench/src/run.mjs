// `npm run bench`: runs every suite side by side with @sentry/* and writes docs/benchmarks.md.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { createRequire } from 'node:module';
import { runBundleSize } from './suites/bundleSize.mjs';
import { runDebugIdCost } from './suites/debugIdCost.mjs';
import { runPropertyMangleSize } from './suites/propertyMangleSize.mjs';
import { runSizeBreakdown } from './suites/sizeBreakdown.mjs';
import { runSplitSize } from './suites/splitSize.mjs';
import { runViteShare } from './suites/viteShare.mjs';
import { runCoreSpeed } from './suites/coreSpeed.mjs';
import { runDeliverySpeed } from './suites/deliverySpeed.mjs';
import { runEndToEndDelivery } from './suites/endToEndDelivery.mjs';
import { runLogAndScrubSpeed } from './suites/logAndScrubSpeed.mjs';
import { runNodeStartup } from './suites/nodeStartup.mjs';
import { runBrowserStartup } from './suites/browserStartup.mjs';
import { runBrowserCaptureCost } from './suites/browserCaptureCost.mjs';
import { REQUEST_SESSIONS_HEADING, runRequestSessionCost } from './suites/requestSessionCost.mjs';

const require = createRequire(import.meta.url);
const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
const quick = process.argv.includes('--quick');
const options = quick ? { rounds: 3, durationMs: 200, warmupMs: 100 } : { rounds: 7, durationMs: 500, warmupMs: 500 };

const date = new Date().toISOString().slice(0, 10);
const sizeSection = [
  '## Size (`bench/src/suites/bundleSize.mjs`)',
  '',
  `Measured on ${date} in one run: @faultline/browser ${version('@faultline/browser')}, @sentry/browser ${version('@sentry/browser')}, @bugsnag/js ${version('@bugsnag/js')}, @honeybadger-io/js ${version('@honeybadger-io/js')}.`,
  '',
  await runBundleSize(),
  await runSizeBreakdown(),
  await runSplitSize(),
  await runViteShare(),
  await runDebugIdCost(),
  await runPropertyMangleSize(),
].join('\n');

// `--size`: the size suites alone (seconds, not the whole bench), written in place of the Size section.
if (process.argv.includes('--size')) {
  const file = new URL('../../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf('## Size');
  const end = doc.indexOf('\n## ', start + 1);
  if (start < 0 || end < 0) throw new Error('docs/benchmarks.md has no Size section to replace: run npm run bench');
  writeFileSync(file, `${doc.slice(0, start)}${sizeSection}\n${doc.slice(end)}`);
  console.log(sizeSection);
  console.log('\nWrote the Size section of docs/benchmarks.md');
  process.exit(0);
}
// `--end-to-end`: the default-setup rows alone (minutes, not the whole bench), written in place of their section.
if (process.argv.includes('--end-to-end')) {
  const file = new URL('../../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(file, 'utf8');
  const heading = '## Default Node setups end to end';
  const start = doc.indexOf(heading);
  const next = doc.indexOf('\n## ', start + 1);
  if (start < 0) throw new Error('docs/benchmarks.md has no end-to-end section to replace: run npm run bench');
  const section = [
    `${heading} (\`bench/src/suites/endToEndDelivery.mjs\`)`,
    '',
    `Measured on ${date}: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${os.loadavg()[0].toFixed(1)} at the start (a machine shared with other builds).`,
    '',
    await runEndToEndDelivery({ quick: false }),
  ].join('\n');
  writeFileSync(file, `${doc.slice(0, start)}${section}${next < 0 ? '\n' : doc.slice(next)}`);
  console.log(section);
  console.log('\nWrote the end-to-end section of docs/benchmarks.md');
  process.exit(0);
}
const core = await runCoreSpeed(options);
const logAndScrub = await runLogAndScrubSpeed(options);
const inChild = (script, args = []) =>
  execFileSync(process.execPath, [...args, new URL(script, import.meta.url).pathname, ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
  });
const nodeSpeed = inChild('./nodeSpeedProcess.mjs');
const startup = runNodeStartup({ runs: quick ? 3 : 9 });
const browserStartup = await runBrowserStartup({ runs: quick ? 5 : 21 });
const browserCaptureCost = await runBrowserCaptureCost({ runs: quick ? 3 : 7 });
const memory = inChild('./memoryProcess.mjs', ['--expose-gc']);
const pinoCost =
  execFileSync(
    process.execPath,
    [new URL('./pinoCostProcess.mjs', import.meta.url).pathname, 'faultline', ...(quick ? ['--quick'] : [])],
    { encoding: 'utf8' },
  ) +
  execFileSync(
    process.execPath,
    [new URL('./pinoCostProcess.mjs', import.meta.url).pathname, 'sentry', ...(quick ? ['--quick'] : [])],
    { encoding: 'utf8' },
  );
const winstonCost = ['faultline', 'sentry']
  .map((sdk) =>
    execFileSync(
      process.execPath,
      [new URL('./winstonCostProcess.mjs', import.meta.url).pathname, sdk, ...(quick ? ['--quick'] : [])],
      { encoding: 'utf8' },
    ),
  )
  .join('');
const delivery = await runDeliverySpeed(quick ? { rounds: 3, count: 300 } : { rounds: 5, count: 1000 });
const endToEnd = await runEndToEndDelivery({ quick });
const requestSessions = await runRequestSessionCost(quick ? { rounds: 3, requests: 5000, quick } : {});
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const report = [
  '# Benchmarks',
  '',
  `Generated by \`npm run bench\` on ${date}: Node ${process.version}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB.`,
  `Versions: @faultline/core ${version('@faultline/core')}, @sentry/core ${version('@sentry/core')}, @sentry/browser ${version('@sentry/browser')}, @bugsnag/js ${version('@bugsnag/js')}, @honeybadger-io/js ${version('@honeybadger-io/js')}, pino ${version('pino')}, winston ${version('winston')}.`,
  '',
  `Each row: median of ${options.rounds} alternating rounds of ${options.durationMs} ms in one process (after warm-up), min–max across rounds,`,
  'and the ratio computed round by round (first subject ÷ this one) then taken at the median. Ratios hold on a noisy machine; absolute ops/s do not.',
  '',
  sizeSection,
  '',
  '## Node hot path (`bench/src/suites/coreSpeed.mjs`)',
  '',
  'Both clients serialize every envelope and hand it to a request function that resolves at once (no network).',
  `Events that reached the request function during the capture rounds (warm-up included; every capture should arrive): Faultline ${core.sent.faultline.toLocaleString('en-US')}, Sentry ${core.sent.sentry.toLocaleString('en-US')}.`,
  '',
  core.markdown,
  '## Node SDKs, stubbed transport (`bench/src/nodeSpeedProcess.mjs`, own process)',
  '',
  'Stubbed: no network and no journal, so these rows show the capture pipeline alone. The default setups, end to end, are under "Default Node setups end to end" below.',
  '',
  '@sentry/node 11 cannot be installed from this registry (a dependency is missing), so the newest installable, 10.x, is measured.',
  '',
  nodeSpeed,
  startup,
  browserStartup,
  browserCaptureCost,
  memory,
  '## A pino call on the calling thread (`bench/src/pinoCostProcess.mjs`)',
  '',
  'ns per `logger.info(fields, msg)` with 4 fields; the ratio is against plain pino writing to an in-thread stream that discards.',
  '',
  '| setup | ns per call (median) | min–max | ÷ plain pino |',
  '| --- | ---: | ---: | ---: |',
  pinoCost,
  '',
  'The paced rows run every logger in each 2 ms slot (20 calls each, rotating order) and count only the time inside the calls: at that rate the worker keeps up, so they show what the calling thread itself pays. The unpaced rows run flat out, where a worker that cannot keep up makes pino wait on its buffer. `faultlinePinoMixin` puts the trace and request ids on every line; `faultlinePinoContext` puts them in front of a line only when the request differs from the line before\u2019s (the worker applies them to the lines that follow).',
  '',
  '## A winston call on the calling thread (`bench/src/winstonCostProcess.mjs`)',
  '',
  'ns per `logger.info(msg, fields)` with 4 fields, JSON format, to a discarding stream transport; the ratio is against that plain logger.',
  '',
  '| setup | ns per call (median) | min–max | ÷ plain winston |',
  '| --- | ---: | ---: | ---: |',
  winstonCost,
  '## Logs and scrubbing (`bench/src/suites/logAndScrubSpeed.mjs`)',
  '',
  "Faultline's logger builds the record (typed attributes, trace and request ids), adds a breadcrumb, scrubs and batches it",
  '(nested attributes are scrubbed at every depth, then serialized); `@sentry/core`’s logger (`enableLogs`) builds and',
  'batches its record (no scrubbing on the client); both serialize their envelopes; pino serializes the line and writes it',
  'to a stream that discards it.',
  '',
  logAndScrub,
  '## Delivery (`bench/src/suites/deliverySpeed.mjs`)',
  '',
  'Both transports get the same envelopes and the same fetch-based request function; the receiver runs in a child process on 127.0.0.1.',
  "Core's transports alone (no journal): not the default setups, which follow.",
  '',
  delivery,
  '## Default Node setups end to end (`bench/src/suites/endToEndDelivery.mjs`)',
  '',
  endToEnd,
  REQUEST_SESSIONS_HEADING,
  '',
  requestSessions,
].join('\n');

console.log(report);
if (!quick) {
  mkdirSync(new URL('../../docs/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../docs/benchmarks.md', import.meta.url), `${report}\n`);
  console.log('\nWrote docs/benchmarks.md');
}
