// The bookkeeping of one request session alone, without HTTP (whose cost on a loaded machine drowns it in
// suites/requestSessionCost.mjs), in a process of its own: each SDK forks an isolation scope per "request",
// as its HTTP integration does, and a stand-in response emits `close`, with and without the SDK's request
// session (Faultline: what httpServerIntegration calls; Sentry: `recordRequestSession`, what its Http
// integration calls, from the @sentry/core that @sentry/node uses). Stubbed transports, alternating rounds.
// Prints one JSON line: CPU ns per request, by subject (the median round's).
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { getRequestSessions } from '@faultline/core';
import * as Faultline from '@faultline/node';
import * as Sentry from '@sentry/node';
import { compare } from './harness.mjs';

const quick = process.argv.includes('--quick');
const require = createRequire(import.meta.url);
// The @sentry/core that @sentry/node itself runs (its Http integration's recordRequestSession).
const { recordRequestSession } = require(require.resolve('@sentry/core', { paths: [require.resolve('@sentry/node')] }));
const stubbed = () => ({ send: () => Promise.resolve({}), flush: () => Promise.resolve(true) });
Faultline.init({
  dsn: 'https://k@o1.ingest.example.com/1',
  release: 'bench@1.0.0',
  queueDir: false,
  transport: stubbed,
});
Sentry.init({
  dsn: 'https://k@o1.ingest.example.com/1',
  release: 'bench@1.0.0',
  transport: (options) => Sentry.createTransport(options, () => Promise.resolve({ statusCode: 200 })),
});
const faultlineSessions = getRequestSessions(Faultline.getClient());
const sentryClient = Sentry.getClient();

const faultline = (track) => () =>
  Faultline.withIsolationScope((scope) => {
    const response = new EventEmitter();
    if (track) response.once('close', faultlineSessions.start(scope));
    response.emit('close');
  });
const sentry = (track) => () =>
  Sentry.withIsolationScope((scope) => {
    const response = new EventEmitter();
    if (track) recordRequestSession(sentryClient, { requestIsolationScope: scope, response });
    response.emit('close');
  });
const options = quick ? { rounds: 3, durationMs: 200, warmupMs: 100 } : { rounds: 9, durationMs: 500, warmupMs: 500 };
const results = await compare(
  [
    { name: 'faultline-off', op: faultline(false) },
    { name: 'faultline-on', op: faultline(true) },
    { name: 'sentry-off', op: sentry(false) },
    { name: 'sentry-on', op: sentry(true) },
  ],
  options,
);
// CPU time, not wall time: on a shared machine the process waits for a core, and that is not its cost.
const cpuNsPerRequest = Object.fromEntries(results.map((r) => [r.name, r.cpuMicrosPerOp * 1000]));
process.stdout.write(`${JSON.stringify(cpuNsPerRequest)}\n`);
process.exit(0);
