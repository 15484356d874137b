// Calling-thread cost of a winston call: plain winston (JSON to a discarding stream), the same with
// Faultline's FaultlineTransport added, and — in its own process — with @sentry/node's winston transport.
// Prints Markdown table rows.
import { Writable } from 'node:stream';
import winston from 'winston';
import TransportStream from 'winston-transport';
import { costRow, measureRounds } from './callCostRows.mjs';
import { compare, measure } from './harness.mjs';
import { initFaultlineWithReceiver } from './initFaultlineWithReceiver.mjs';

const mode = process.argv[2];
const quick = process.argv.includes('--quick');
const options = quick ? { rounds: 3, durationMs: 200, warmupMs: 100 } : { rounds: 7, durationMs: 500, warmupMs: 500 };
const fields = (i) => ({ order_id: `o-${i}`, items: 3, total: 129.9, region: 'eu-west-1' });
const discarding = () =>
  new winston.transports.Stream({ stream: new Writable({ write: (_chunk, _encoding, done) => done() }) });
const makeLogger = (...extra) =>
  winston.createLogger({ level: 'info', format: winston.format.json(), transports: [discarding(), ...extra] });

if (mode === 'faultline') {
  const { Faultline, stop } = await initFaultlineWithReceiver();
  const plain = makeLogger();
  const bridged = makeLogger(new Faultline.FaultlineTransport());
  const results = await compare(
    [
      { name: 'plain winston', op: (i) => plain.info('Order placed', fields(i)) },
      { name: 'winston + Faultline FaultlineTransport', op: (i) => bridged.info('Order placed', fields(i)) },
    ],
    options,
  );
  process.stdout.write(results.map((r) => costRow(r.name, r, results[0].medianOps)).join('\n') + '\n');
  stop();
} else {
  const Sentry = await import('@sentry/node');
  const plain = makeLogger();
  const plainResult = await measureRounds((i) => plain.info('Order placed', fields(i)), options);
  Sentry.init({
    dsn: 'https://public@o1.ingest.example.com/1',
    enableLogs: true,
    transport: (transportOptions) =>
      Sentry.createTransport(transportOptions, () => Promise.resolve({ statusCode: 200 })),
  });
  const SentryWinstonTransport = Sentry.createSentryWinstonTransport(TransportStream);
  const hooked = makeLogger(new SentryWinstonTransport());
  await measure((i) => hooked.info('Order placed', fields(i)), { durationMs: options.warmupMs });
  const hookedResult = await measureRounds((i) => hooked.info('Order placed', fields(i)), options);
  const name = `winston + @sentry/node createSentryWinstonTransport (own process; plain winston there: ${Math.round(1e9 / plainResult.medianOps)} ns)`;
  process.stdout.write(`${costRow(name, hookedResult, plainResult.medianOps)}\n`);
}
process.exit(0);
