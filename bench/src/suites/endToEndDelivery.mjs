// End-to-end delivery with each SDK's default Node setup: `init({ dsn })` of @faultline/node (file journal
// on, undici) and of @sentry/node, each in its own process, to the counting receiver in another process on
// 127.0.0.1. Rows: a burst of realistic ~10 KB errors, a sustained load on a slow receiver of small errors and
// of realistic ones (over HTTP/1.1, and again over HTTP/2 with TLS, as Sentry's ingest speaks), and an outage. Each event is
// counted by event_id on the receiver; "reported" is what the client reports said was lost.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startIngestReceiver } from '../startIngestReceiver.mjs';

const APP = new URL('../deliveryAppProcess.mjs', import.meta.url).pathname;
const SDKS = [
  { id: 'faultline', name: '@faultline/node' },
  { id: 'sentry', name: '@sentry/node' },
];

function startApp(sdk, receiver, script, { stdin = false } = {}) {
  const home = mkdtempSync(path.join(tmpdir(), 'faultline-bench-'));
  mkdirSync(path.join(home, 'state'));
  const child = spawn(process.execPath, [APP, sdk], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      XDG_STATE_HOME: path.join(home, 'state'),
      DSN: receiver.dsn,
      SCRIPT: script,
      STDIN: stdin ? '1' : '0',
      ...(receiver.ca ? { NODE_EXTRA_CA_CERTS: receiver.ca } : {}),
    },
    cwd: home,
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  let exit;
  const messages = [];
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) if (line.startsWith('@app ')) messages.push(JSON.parse(line.slice(5)));
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exit = { code, signal }))));
  return {
    messages,
    send: (commands) => child.stdin.write(`${commands.split(';').join('\n')}\n`),
    next: async (type, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => m.type === type && !m.taken);
        if (found) return Object.assign(found, { taken: true });
        if (exit || Date.now() > deadline) {
          child.kill('SIGKILL');
          throw new Error(`${sdk}: no ${type} within ${timeoutMs} ms; exit ${JSON.stringify(exit)}; stderr: ${stderr}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async done(timeoutMs) {
      const exit = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
      if (!exit) child.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true });
      return exit;
    },
  };
}

async function countOn(receiver, label, expected) {
  const [events, stats] = await Promise.all([receiver.events(`${label} `), receiver.stats()]);
  const delivered = new Set(events.filter((e) => e.deliveries > 0).map((e) => e.label)).size;
  const duplicates = events.reduce((sum, e) => sum + Math.max(0, e.deliveries - 1), 0);
  const reported = Object.entries(stats.discarded)
    .filter(([key]) => key.endsWith(':error'))
    .reduce((sum, [, quantity]) => sum + quantity, 0);
  return { delivered, duplicates, realLoss: expected - delivered, reported };
}

const middle = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Several runs of one SDK in one scenario: counts summed, figures at their median. */
function summarize(sdk, runs) {
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  const figure = (pick) => middle(runs.map(pick));
  return {
    sdk,
    expected: sum('expected'),
    delivered: sum('delivered'),
    duplicates: sum('duplicates'),
    realLoss: sum('realLoss'),
    reported: sum('reported'),
    meanUs: figure((run) => run.report.meanUs),
    medianUs: figure((run) => run.report.medianUs),
    p99Us: figure((run) => run.report.p99Us),
    withMicrotasksUs: figure((run) => run.report.withMicrotasksUsPerCall),
    cpuUsPerEvent: figure((run) => (run.report.cpuMs * 1000) / run.expected),
    rssGrowthMiB: figure((run) => run.report.rssGrowthMiB),
    heapGrowthMiB: figure((run) => run.report.heapGrowthMiB),
    loadS: runs[0].loadMs === undefined ? undefined : figure((run) => run.loadMs / 1000),
  };
}

/** One scenario for one SDK, on a fresh receiver. */
async function runScenario(sdk, scenario) {
  const receiver = await startIngestReceiver({ tls: scenario.tls });
  try {
    return { ...(await scenario.run(sdk, receiver)), expected: scenario.count };
  } finally {
    receiver.close();
  }
}

export async function runEndToEndDelivery({ quick = false } = {}) {
  const sustainedMs = quick ? 2_000 : 5_000;
  const outageMs = quick ? 3_000 : 10_000;
  // Each app sends one event and flushes before the load: its first turns are behind it (the file journal is
  // set up, undici has loaded its parser), as in a service that has been up for a moment; the same for both.
  const WARM_UP = 'capture 1 warmup;flush 5000';
  const sustained = ({ tls, real }) => ({
    name: `sustained: 2,000/s for ${sustainedMs / 1000} s, ${real ? 'realistic errors' : 'small errors'}, receiver answering after 50 ms${tls ? ', HTTP/2 over TLS' : ''}`,
    count: 2 * sustainedMs,
    tls,
    async run(sdk, receiver) {
      await receiver.set({ latencyMs: 50 });
      const app = startApp(
        sdk,
        receiver,
        `${WARM_UP};baseline;rate 2000 ${sustainedMs} sustained${real ? ' real' : ''};flush 60000;flush 3000;report;exit 0`,
      );
      await app.next('captured', 30_000); // the warm-up's
      await app.next('flushed', 30_000);
      const { ms: loadMs } = await app.next('captured', sustainedMs + 120_000);
      await app.next('flushed', 120_000);
      await app.next('flushed', 10_000);
      const report = await app.next('report', 10_000);
      await app.done(5_000);
      return { ...(await countOn(receiver, 'sustained', 2 * sustainedMs)), report, loadMs };
    },
  });
  const scenarios = [
    {
      name: 'burst: 1,000 realistic errors in a loop, healthy receiver',
      count: 1000,
      async run(sdk, receiver) {
        const app = startApp(
          sdk,
          receiver,
          `${WARM_UP};baseline;capture 1000 burst real;flush 30000;flush 2000;report;exit 0`,
        );
        await app.next('flushed', 30_000);
        await app.next('flushed', 40_000);
        await app.next('flushed', 10_000);
        const report = await app.next('report', 10_000);
        await app.done(5_000);
        return { ...(await countOn(receiver, 'burst', 1000)), report };
      },
    },
    sustained({ tls: false, real: false }),
    sustained({ tls: false, real: true }),
    sustained({ tls: true, real: true }),
    {
      name: `outage: 300 while the receiver refuses connections for ${outageMs / 1000} s`,
      count: 300,
      async run(sdk, receiver) {
        await receiver.refuse();
        const down = Date.now();
        const app = startApp(sdk, receiver, 'baseline;capture 300 outage', { stdin: true });
        await app.next('captured', 30_000);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, down + outageMs - Date.now())));
        await receiver.reopen();
        await receiver.waitFor((stats) => stats.unique >= 300, 15_000);
        app.send('flush 5000;flush 2000;report;exit 0');
        await app.next('flushed', 10_000);
        await app.next('flushed', 10_000);
        const report = await app.next('report', 10_000);
        await app.done(5_000);
        return { ...(await countOn(receiver, 'outage', 300)), report };
      },
    },
  ];

  const fmt = (n, digits = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const rounds = quick ? 1 : 3;
  const rows = [];
  for (const scenario of scenarios) {
    // Rounds alternate which SDK goes first; counts add up over the rounds, timings and RSS take the median.
    const runs = SDKS.map(() => []);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const index of order) runs[index].push(await runScenario(SDKS[index].id, scenario));
    }
    const results = SDKS.map((sdk, index) => summarize(sdk, runs[index]));
    const [faultline] = results;
    for (const r of results) {
      const ratio = (key) => (r === faultline ? '—' : `${fmt(faultline[key] / r[key], 2)}×`);
      rows.push(
        `| ${scenario.name} | ${r.sdk.name} | ${fmt(r.delivered)} of ${fmt(r.expected)} | ${fmt(r.duplicates)} | ${fmt(r.realLoss)} | ${fmt(r.reported)} | ${fmt(r.meanUs, 1)} / ${fmt(r.medianUs, 1)} / ${fmt(r.p99Us, 0)} | ${ratio('meanUs')} | ${fmt(r.withMicrotasksUs, 1)} | ${ratio('withMicrotasksUs')} | ${fmt(r.cpuUsPerEvent, 0)} | ${fmt(r.rssGrowthMiB, 1)} / ${fmt(r.heapGrowthMiB, 1)} MiB | ${r.loadS === undefined ? '—' : `${fmt(r.loadS, 1)} s`} |`,
      );
    }
  }
  return [
    '### Burst and sustained load, outage: `init({ dsn })` of each SDK, counted on the receiver',
    '',
    '`init({ dsn })` and nothing else, each SDK in its own process (Faultline: file journal on, undici), delivering',
    `to a counting receiver in another process on 127.0.0.1; ${quick ? 'one run' : '3 runs, alternating who goes first,'} per row (counts summed over the runs,`,
    'figures the median of the runs). Delivered and duplicates are counted by',
    'event_id on the receiver; "reported" is what the client reports said was lost (it should equal the real loss).',
    'Calling-thread µs: time inside `captureException` (mean / median / p99; a fresh process, so first calls are cold);',
    'the ratio is of the means. "With its microtasks": from the first call of a loop (or of a paced tick) to the next',
    'macrotask, per call: what the SDK defers to promise callbacks runs on the same thread before any timer or I/O',
    '(Sentry builds its events in promise chains; Faultline mostly inline). Process CPU: all threads, from before the',
    "load to the end of its delivery, per event captured. Peak RSS / heap: growth over the same span (heap: V8's",
    'heapUsed, garbage included). Realistic errors: 11–14 KB on the wire (by the paths in their context lines), a cause chain three deep thrown a few calls',
    'down (context lines for every frame), 10 breadcrumbs, 5 tags, a user (`packages/test-utils/src/realisticError.mjs`).',
    'Burst and sustained apps first send one event and flush it (both SDKs), as a service that has been up a moment.',
    'Small errors: `new Error(label)`, ~3 KB on the wire with the same scope and context lines. HTTP/2: the receiver',
    'speaks it over TLS (and HTTP/1.1), with a self-signed certificate both SDKs are given. "Load took": how long the',
    '2,000/s schedule took to capture its events (a tick captures all that are due, so a process short of CPU',
    'falls behind and catches up in long synchronous runs, during which nothing is delivered).',
    '',
    '| scenario | SDK | delivered | duplicates | real loss | reported loss | calling-thread µs/call (mean / median / p99) | Faultline ÷ SDK | µs/call with its microtasks | Faultline ÷ SDK | process CPU µs/event | peak RSS / heap growth | load took |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}

// `node bench/src/suites/endToEndDelivery.mjs [--quick]`: these rows alone, printed.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runEndToEndDelivery({ quick: process.argv.includes('--quick') }));
}
