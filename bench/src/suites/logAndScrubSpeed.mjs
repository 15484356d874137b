// logger.info with 5 attributes against a plain pino call, and captureException with scrubbing on and
// off: the costs issue "Structured logs, correlation IDs and PII scrubbing" asks to be measured.
import { Writable } from 'node:stream';
import * as Faultline from '@faultline/core';
import pino from 'pino';
import { compare, toTable } from '../harness.mjs';

const platform = {
  platform: 'node',
  sdk: { name: 'faultline.bench', version: '0' },
  defaultIntegrations: Faultline.getCoreDefaultIntegrations(),
};

/** A client that serializes each envelope and discards it, as a transport does before the network. */
function makeClient(options) {
  const transport = () => ({
    send(envelope) {
      Faultline.serializeEnvelope(envelope);
      return Promise.resolve({ statusCode: 200 });
    },
    flush: () => Promise.resolve(true),
  });
  const resolved = Faultline.resolveOptions({ release: 'bench@1.0.0', transport, ...options }, platform);
  return Faultline.createClient(resolved, platform, Faultline.parseDsn('https://public@o1.ingest.example.com/1'));
}

export async function runLogAndScrubSpeed(options) {
  const scrubbed = makeClient({});
  const unscrubbed = makeClient({ scrub: false });
  Faultline.getCarrier().client = scrubbed;
  Faultline.setUser({ id: 'user-1842' });
  Faultline.setTags({ region: 'eu-west-1', tier: 'gold', feature: 'checkout', build: '1842', node: 'n1' });
  for (let i = 0; i < 20; i++) {
    Faultline.addBreadcrumb({
      category: 'http',
      message: `GET /api/items/${i} 200`,
      data: { status: 200, url: `/api/items/${i}?page=2` },
    });
  }
  const capture = (client) => (i) =>
    client.captureException(
      new Error(`Payment ${i} failed for order ${i}`, { cause: new TypeError(`card ${i} declined`) }),
    );
  const scrub = await compare(
    [
      { name: 'scrubbing on (default)', op: capture(scrubbed) },
      { name: 'scrubbing off', op: capture(unscrubbed) },
    ],
    options,
  );

  // pino writing to a stream that discards, the cheapest real pino setup on the calling thread.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const pinoLogger = pino({ level: 'info' }, sink);
  const attributes = (i) => ({ order_id: `o-${i}`, items: 3, total: 129.9, gift: false, region: 'eu-west-1' });
  const logs = await compare(
    [
      { name: 'Faultline logger.info', op: (i) => Faultline.logger.info('Order placed', attributes(i)) },
      { name: 'pino info', op: (i) => pinoLogger.info(attributes(i), 'Order placed') },
    ],
    options,
  );
  Faultline.getCarrier().client = undefined;
  return [
    toTable('captureException with and without PII scrubbing (@faultline/core)', scrub),
    toTable('A log call with 5 attributes: Faultline logger.info vs plain pino', logs),
  ].join('\n');
}
