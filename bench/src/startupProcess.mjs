// One cold start: import the SDK and call init, in a fresh process; prints the milliseconds it took.
import { performance } from 'node:perf_hooks';

const sdk = process.argv[2];
const started = performance.now();
if (sdk === 'faultline') {
  const { init } = await import('@faultline/node');
  init({ dsn: 'https://public@o1.ingest.example.com/1', queueDir: false });
} else {
  const { init } = await import('@sentry/node');
  init({ dsn: 'https://public@o1.ingest.example.com/1' });
}
process.stdout.write(`${(performance.now() - started).toFixed(1)}\n`);
process.exit(0);
