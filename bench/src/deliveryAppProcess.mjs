// One SDK's default Node setup in its own process, for the end-to-end delivery rows: `init({ dsn })` of
// @faultline/node (file journal on, undici transport) or @sentry/node (its default transport), nothing
// else. Run as `node deliveryAppProcess.mjs faultline|sentry`, with DSN and SCRIPT (`;`-separated
// commands) in the environment and, with STDIN=1, more commands on stdin:
//   baseline | capture N label [real] | rate R ms label [real] | wait ms | flush ms | report | exit code
// `real`: realistic ~10 KB errors (test-utils' realisticError: a cause chain, context lines, 5 tags).
// Lines for the runner start with "@app " and are JSON.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { REALISTIC_TAGS, realisticError } from '../../packages/test-utils/src/realisticError.mjs';

const sdk = process.argv[2];
const api = sdk === 'sentry' ? await import('@sentry/node') : await import('@faultline/node');
const say = (message) => process.stdout.write(`@app ${JSON.stringify({ at: Date.now(), ...message })}\n`);

api.init({ dsn: process.env.DSN });
// The same scope as the other Node benches' apps carry: a user, tags, breadcrumbs.
api.setUser({ id: 'user-1842' });
api.setTags({ region: 'eu-west-1', tier: 'gold', feature: 'checkout' });
for (let i = 0; i < 10; i++) api.addBreadcrumb({ category: 'http', message: `GET /api/items/${i} 200` });

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let base = { rss: 0, heap: 0, cpu: process.cpuUsage() };
let [peakRss, peakHeap] = [0, 0];
const callUs = [];
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  if (rss > peakRss) peakRss = rss;
  if (heapUsed > peakHeap) peakHeap = heapUsed;
};
setInterval(sample, 5).unref();

function captureOne(label, real) {
  const started = performance.now();
  if (real) api.captureException(realisticError(label), { tags: REALISTIC_TAGS });
  else api.captureException(new Error(label));
  callUs.push((performance.now() - started) * 1000);
}

// Work an SDK defers to promise callbacks still runs on this thread before any timer or I/O: the time from
// the first call to the next macrotask counts it (Sentry builds events in promise chains, Faultline inline).
let withMicrotasksMs = 0;
async function nextMacrotask(started) {
  await new Promise((resolve) => setImmediate(resolve));
  withMicrotasksMs += performance.now() - started;
}

function report() {
  sample();
  const sorted = [...callUs].sort((a, b) => a - b);
  const cpu = process.cpuUsage(base.cpu);
  return {
    type: 'report',
    calls: sorted.length,
    meanUs: sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length),
    medianUs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    p99Us: sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? 0,
    withMicrotasksUsPerCall: (withMicrotasksMs * 1000) / Math.max(1, sorted.length),
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssGrowthMiB: (peakRss - base.rss) / 2 ** 20,
    peakRssMiB: peakRss / 2 ** 20,
    heapGrowthMiB: (peakHeap - base.heap) / 2 ** 20,
    peakHeapMiB: peakHeap / 2 ** 20,
    maxEventLoopDelayMs: loop.max / 1e6,
  };
}

async function run(line) {
  const [command, ...args] = line.trim().split(/\s+/);
  if (command === 'baseline') {
    const { rss, heapUsed } = process.memoryUsage();
    base = { rss, heap: heapUsed, cpu: process.cpuUsage() };
    [peakRss, peakHeap] = [rss, heapUsed];
    callUs.length = 0;
    withMicrotasksMs = 0;
    loop.reset();
  } else if (command === 'capture') {
    const t0 = Date.now();
    const started = performance.now();
    for (let i = 0; i < Number(args[0]); i++) {
      captureOne(`${args[1]} ${i}`, args[2] === 'real');
      if (i % 50 === 0) sample();
    }
    await nextMacrotask(started);
    say({ type: 'captured', t0 });
  } else if (command === 'rate') {
    const [perSecond, ms, label, real] = [Number(args[0]), Number(args[1]), args[2], args[3] === 'real'];
    const total = Math.round((perSecond * ms) / 1000);
    const started = performance.now();
    for (let i = 0; i < total;) {
      const due = Math.min(total, Math.floor(((performance.now() - started) * perSecond) / 1000));
      const tick = performance.now();
      while (i < due) captureOne(`${label} ${i++}`, real);
      await nextMacrotask(tick);
      sample();
      await sleep(2);
    }
    say({ type: 'captured', ms: performance.now() - started });
  } else if (command === 'wait') {
    await sleep(Number(args[0]));
  } else if (command === 'flush') {
    const started = Date.now();
    say({ type: 'flushed', result: await api.flush(Number(args[0])), ms: Date.now() - started });
  } else if (command === 'report') {
    say(report());
  } else if (command === 'exit') {
    process.exit(Number(args[0] ?? 0));
  }
}

for (const line of (process.env.SCRIPT ?? '').split(';')) if (line.trim()) await run(line);
if (process.env.STDIN === '1') {
  for await (const line of createInterface({ input: process.stdin })) await run(line);
}
