// The pino transport target: `pino.transport({ target: '@faultline/node/pino', options: { dsn } })`.
// Runs in pino's worker thread, off the calling thread.
import build from 'pino-abstract-transport';
import { createPinoWorkerBridge, type PinoWorkerOptions } from './logging/createPinoWorkerBridge';
import { parsePinoLine } from './logging/parsePinoLine';

/** pino calls this in the worker with the transport's `options`. */
export default async function faultlinePinoTransport(options: PinoWorkerOptions = {}) {
  const bridge = createPinoWorkerBridge(options);
  return build(
    async (source: AsyncIterable<Record<string, unknown>>) => {
      for await (const record of source) bridge.handle(record);
    },
    {
      close: () => bridge.close(),
      // A line that is not JSON is kept as a log of its text, where pino-abstract-transport drops it.
      parseLine: parsePinoLine,
    },
  );
}
