// Heap after 100k captured events while the receiver is down (connection refused): the queue is bounded,
// so memory must stay flat whatever is thrown at it. Run with --expose-gc.
import { createServer } from 'node:net';
import * as Faultline from '@faultline/node';

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
Faultline.init({
  dsn: `http://key@127.0.0.1:${port}/1`,
  queueDir: false,
  delivery: { queue: { maxEntries: 100, maxBytes: 2 * 1024 * 1024 } },
});
const heap = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const before = heap();
for (let i = 0; i < 100_000; i++) {
  Faultline.captureException(new Error(`Payment ${i} failed`, { cause: new TypeError(`card ${i} declined`) }));
  if (i % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
}
await new Promise((resolve) => setTimeout(resolve, 500));
const after = heap();
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
process.stdout.write(
  `### Memory with the receiver down, memory-only queue (\`bench/src/memoryProcess.mjs\`; not the default setup: \`queueDir: false\`, custom bound)\n\n100,000 events captured against a closed port, queue bounded at 100 envelopes / 2 MiB: heap ${mib(before)} MiB before, ${mib(after)} MiB after (+${mib(after - before)} MiB).\n`,
);
process.exit(0);
