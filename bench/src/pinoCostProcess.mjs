// Calling-thread cost of a pino call: plain pino, pino with Faultline's in-process hooks, pino with
// Faultline's worker transport (+ the id mixin), and — in its own process, since it hooks every pino
// logger once enabled — pino with @sentry/node's pinoIntegration. Prints a Markdown table.
import { Writable } from 'node:stream';
import pino from 'pino';
import { costRow, costRowFromNs, measureRounds } from './callCostRows.mjs';
import { compare, measure, median } from './harness.mjs';
import { initFaultlineWithReceiver } from './initFaultlineWithReceiver.mjs';

const mode = process.argv[2];
const quick = process.argv.includes('--quick');
const options = quick ? { rounds: 3, durationMs: 200, warmupMs: 100 } : { rounds: 7, durationMs: 500, warmupMs: 500 };
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const fields = (i) => ({ order_id: `o-${i}`, items: 3, total: 129.9, region: 'eu-west-1' });

/**
 * ns per call when calls come in bursts of 20 every 2 ms (10,000 lines/s per logger): only the time inside
 * the calls counts. Every logger gets its burst in each 2 ms slot, in rotating order, so whatever the
 * machine does meanwhile falls on all of them alike; median over rounds of `bursts` slots. Every
 * `linesPerRequest` lines come from another request (`enterRequest`), for every logger alike.
 */
async function comparePaced(loggers, bursts, enterRequest, linesPerRequest) {
  const samples = loggers.map(() => []);
  let i = 0;
  for (let round = 0; round < 6; round++) {
    const spent = loggers.map(() => 0n);
    for (let burst = 0; burst < bursts; burst++) {
      for (let k = 0; k < loggers.length; k++) {
        const index = (burst + k) % loggers.length;
        const logger = loggers[index][1];
        const start = process.hrtime.bigint();
        for (let call = 0; call < 20; call++) {
          if (call % linesPerRequest === 0) enterRequest();
          logger.info(fields(i++), 'Order placed');
        }
        spent[index] += process.hrtime.bigint() - start;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // Round 0 warms up.
    if (round > 0) spent.forEach((ns, index) => samples[index].push(Number(ns) / (bursts * 20)));
  }
  return loggers.map(([name], index) => [name, samples[index]]);
}

if (mode === 'faultline') {
  const { Faultline, dsn, stop } = await initFaultlineWithReceiver();
  // Requests of 5 lines each: the mixin stamps the ids on a request's first line, its number on the rest.
  const contexts = Array.from({ length: 64 }, (_, n) => ({
    traceId: `4bf92f3577b34da6a3ce929d0e0e${String(n).padStart(4, '0')}`,
    spanId: '00f067aa0ba902b7',
    requestId: `req-7f3a9c${String(n).padStart(2, '0')}`,
  }));
  let request = 0;
  // A fresh object each time, as each real request has its own context.
  const newContext = () => ({ ...contexts[request++ % contexts.length] });
  const enterRequest = () => Faultline.getIsolationScope().setPropagationContext(newContext());
  enterRequest();
  // Four requests at a time taking turns line by line, each 5 lines long: every line switches request.
  let live = [];
  let turn = 0;
  const enterInterleaved = () => {
    if (turn % 20 === 0) live = Array.from({ length: 4 }, newContext);
    Faultline.getIsolationScope().setPropagationContext(live[turn++ % live.length]);
  };
  const plain = pino(sink());
  // pino's own default destination kind (SonicBoom), as `pino()` uses for stdout, here to /dev/null.
  const sonic = pino(pino.destination({ dest: '/dev/null', sync: false }));
  const inProcess = pino(Faultline.faultlinePinoDestination(sink()));
  const transport = pino.transport({ target: '@faultline/node/pino', options: { dsn, queueDir: false } });
  const worker = pino({ mixin: Faultline.faultlinePinoMixin() }, transport);
  // The ids once per change of request, on a transport of its own (the stamp's state lives on the stream).
  const stampedTransport = pino.transport({ target: '@faultline/node/pino', options: { dsn, queueDir: false } });
  const stampedWorker = pino(Faultline.faultlinePinoContext(stampedTransport));
  // The same worker without the mixin: logs, breadcrumbs and exceptions, but no per-request join.
  const workerWithoutMixin = pino(transport);
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
      {
        name: 'pino + Faultline worker transport + faultlinePinoMixin',
        op: (i) => worker.info(fields(i), 'Order placed'),
      },
      {
        name: 'pino + Faultline worker transport + faultlinePinoContext',
        op: (i) => stampedWorker.info(fields(i), 'Order placed'),
      },
      { name: 'pino + Faultline in-process destination', op: (i) => inProcess.info(fields(i), 'Order placed') },
    ],
    options,
  );
  const rows = results.map((r) => costRow(r.name, r, results[0].medianOps));
  // The same calls at a steady 10,000 lines/s, the rate of a busy service, where the worker keeps up:
  // only the time inside the calls counts.
  const bursts = quick ? 200 : 1000;
  const paced = await comparePaced(
    [
      ['plain pino', plain],
      ['plain pino + faultlinePinoMixin (no transport)', pino({ mixin: Faultline.faultlinePinoMixin() }, sink())],
      ['plain pino through a worker transport (pino/file)', plainWorker],
      ['pino + Faultline worker transport without ids (no per-request join)', workerWithoutMixin],
      ['pino + Faultline worker transport + faultlinePinoMixin (ids on every line)', worker],
      ['pino + Faultline worker transport + faultlinePinoContext (ids on change)', stampedWorker],
    ],
    bursts,
    enterRequest,
    5,
  );
  // The stamp's worst case: every line from another request than the line before it (4 at a time).
  const interleaved = await comparePaced(
    [
      ['plain pino', plain],
      ['plain pino + faultlinePinoMixin (no transport)', pino({ mixin: Faultline.faultlinePinoMixin() }, sink())],
      ['plain pino + faultlinePinoContext (no transport)', pino(Faultline.faultlinePinoContext(sink()))],
      ['pino + Faultline worker transport + faultlinePinoMixin', worker],
      ['pino + Faultline worker transport + faultlinePinoContext', stampedWorker],
    ],
    bursts,
    enterInterleaved,
    1,
  );
  const pacedRows = [
    ...paced.map(([name, samples]) =>
      costRowFromNs(`${name}, paced (10,000 lines/s, 5-line requests)`, samples, median(paced[0][1])),
    ),
    ...interleaved
      .slice(1)
      .map(([name, samples]) =>
        costRowFromNs(`${name}, paced, 4 requests taking turns line by line`, samples, median(interleaved[0][1])),
      ),
  ];
  process.stdout.write([...rows, ...pacedRows].join('\n') + '\n');
  transport.end();
  stampedTransport.end();
  fileTransport.end();
  stop();
} else {
  const Sentry = await import('@sentry/node');
  const logger = pino(sink());
  const plain = await measureRounds((i) => logger.info(fields(i), 'Order placed'), options);
  Sentry.init({
    dsn: 'https://public@o1.ingest.example.com/1',
    enableLogs: true,
    integrations: [Sentry.pinoIntegration()],
    transport: (transportOptions) =>
      Sentry.createTransport(transportOptions, () => Promise.resolve({ statusCode: 200 })),
  });
  await measure((i) => logger.info(fields(i), 'Order placed'), { durationMs: options.warmupMs });
  const hooked = await measureRounds((i) => logger.info(fields(i), 'Order placed'), options);
  const name = `pino + @sentry/node pinoIntegration (own process; plain pino there: ${Math.round(1e9 / plain.medianOps)} ns)`;
  process.stdout.write(`${costRow(name, hooked, plain.medianOps)}\n`);
}
process.exit(0);
