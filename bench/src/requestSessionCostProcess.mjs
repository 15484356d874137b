// The request-session cost bench, in a process of its own (each SDK installs process-wide hooks): a
// node:http server answering keep-alive requests from a load process; CPU time per request is the server's.
// Subjects:
// - `none`: node:http alone.
// - `faultline`: @faultline/node's default setup (file journal, undici transport, a release so that request
//   sessions are on), in alternating rounds with request sessions on and off (the HttpServer integration's
//   `sessions` option, read at each request), so that both run on the same heap and JIT state.
// - `sentry` / `sentry-nosessions`: @sentry/node's default setup (same DSN and release), with
//   `httpIntegration({ trackIncomingRequestsAsSessions })` true / false. Sentry reads that option once, at
//   setup: on and off can only be compared across two processes.
// Prints one JSON line: { subject, samples: { [mode]: [{ cpuUs, wallUs }] } } (µs per request).
// argv: <subject> <dsn> <requests per round> <rounds>
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const [subject, dsn, perRound = '20000', roundCount = '7'] = process.argv.slice(2);
const release = 'bench@1.0.0';
/** The modes measured in alternating rounds, and how to switch to one. */
let modes = [subject];
let setMode = () => undefined;
/** Delivers what the SDK holds (the aggregates, so the suite can check that sessions were counted). */
let flush = async () => undefined;
if (subject === 'faultline') {
  const Faultline = await import('@faultline/node');
  const { getClient, init } = Faultline;
  init({ dsn, release });
  const httpServer = getClient().getIntegration('HttpServer');
  modes = ['on', 'off'];
  setMode = (mode) => void (httpServer.sessions = mode === 'on');
  flush = () => Faultline.flush(10_000);
} else if (subject === 'sentry' || subject === 'sentry-nosessions') {
  const Sentry = await import('@sentry/node');
  const trackIncomingRequestsAsSessions = subject === 'sentry';
  Sentry.init({
    dsn,
    release,
    integrations: (defaults) => [
      ...defaults.filter((integration) => integration.name !== 'Http'),
      Sentry.httpIntegration({ trackIncomingRequestsAsSessions }),
    ],
  });
  flush = () => Sentry.flush(10_000);
}
// Imported once the SDK is set up, as an app that follows the SDKs' instructions does.
const { createServer } = await import('node:http');
const server = createServer((_request, response) => response.end('ok'));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
// The client runs in another process: the CPU time measured here is the server's alone.
const load = fork(new URL('./requestSessionLoad.mjs', import.meta.url));
async function measure(count) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await new Promise((resolve) => {
    load.once('message', resolve);
    load.send({ port, count });
  });
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / count, wallUs: ((performance.now() - started) * 1000) / count };
}

const samples = Object.fromEntries(modes.map((mode) => [mode, []]));
for (const mode of modes) {
  setMode(mode);
  await measure(2000); // warm-up: JIT, sockets, the SDK's first requests
}
for (let round = 0; round < Number(roundCount); round++) {
  for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
    setMode(mode);
    samples[mode].push(await measure(Number(perRound)));
  }
}
load.kill();
server.close();
await flush();
process.stdout.write(`${JSON.stringify({ subject, samples })}\n`);
process.exit(0);
