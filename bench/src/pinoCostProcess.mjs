// Calling-thread cost of a pino call: plain pino, pino with Faultline's in-process hooks, pino with
// Faultline's worker transport (+ the id mixin), and — in its own process, since it hooks every pino
// logger once enabled — pino with @sentry/node's pinoIntegration. Prints a Markdown table.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import pino from 'pino';
import { compare, measure } from './harness.mjs';

const mode = process.argv[2];
const quick = process.argv.includes('--quick');
const options = quick ? { rounds: 3, durationMs: 200, warmupMs: 100 } : { rounds: 7, durationMs: 500, warmupMs: 500 };
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const fields = (i) => ({ order_id: `o-${i}`, items: 3, total: 129.9, region: 'eu-west-1' });
const ns = (opsPerSec) => Math.round(1e9 / opsPerSec);

if (mode === 'faultline') {
  const Faultline = await import('@faultline/node');
  const receiver = fork(new URL('./receiverProcess.mjs', import.meta.url), [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [line] = await once(receiver.stdout, 'data');
  const dsn = `http://key@127.0.0.1:${String(line).trim()}/1`;
  Faultline.init({ dsn, queueDir: false, integrations: (d) => d.filter((i) => i.name !== 'ProcessHandlers') });
  const plain = pino(sink());
  // pino's own default destination kind (SonicBoom), as `pino()` uses for stdout, here to /dev/null.
  const sonic = pino(pino.destination({ dest: '/dev/null', sync: false }));
  const inProcess = pino(Faultline.faultlinePinoDestination(sink()));
  const transport = pino.transport({ target: '@faultline/node/pino', options: { dsn, queueDir: false } });
  const worker = pino({ mixin: Faultline.faultlinePinoMixin() }, transport);
  // What any worker transport costs: pino's own file target writing to /dev/null.
  const fileTransport = pino.transport({ target: 'pino/file', options: { destination: '/dev/null' } });
  const plainWorker = pino(fileTransport);
  const results = await compare(
    [
      { name: 'plain pino', op: (i) => plain.info(fields(i), 'Order placed') },
      {
        name: 'plain pino to its default destination (SonicBoom, /dev/null)',
        op: (i) => sonic.info(fields(i), 'Order placed'),
      },
      {
        name: 'plain pino through a worker transport (pino/file)',
        op: (i) => plainWorker.info(fields(i), 'Order placed'),
      },
      { name: 'pino + Faultline worker transport', op: (i) => worker.info(fields(i), 'Order placed') },
      { name: 'pino + Faultline in-process destination', op: (i) => inProcess.info(fields(i), 'Order placed') },
    ],
    options,
  );
  const base = results[0].medianOps;
  const rows = results.map((r) => `| ${r.name} | ${ns(r.medianOps)} ns | ${(base / r.medianOps).toFixed(2)}× |`);
  process.stdout.write(rows.join('\n') + '\n');
  transport.end();
  fileTransport.end();
  receiver.disconnect();
} else {
  const Sentry = await import('@sentry/node');
  const logger = pino(sink());
  const plain = await measure((i) => logger.info(fields(i), 'Order placed'), options);
  Sentry.init({
    dsn: 'https://public@o1.ingest.example.com/1',
    enableLogs: true,
    integrations: [Sentry.pinoIntegration()],
    transport: (transportOptions) =>
      Sentry.createTransport(transportOptions, () => Promise.resolve({ statusCode: 200 })),
  });
  await measure((i) => logger.info(fields(i), 'Order placed'), { durationMs: options.warmupMs });
  const hooked = await measure((i) => logger.info(fields(i), 'Order placed'), options);
  process.stdout.write(
    `| pino + @sentry/node pinoIntegration (own process; plain pino there: ${ns(plain.opsPerSec)} ns) | ${ns(hooked.opsPerSec)} ns | ${(plain.opsPerSec / hooked.opsPerSec).toFixed(2)}× |\n`,
  );
}
process.exit(0);
