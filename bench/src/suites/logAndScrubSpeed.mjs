// logger.info with 5 attributes against @sentry/core's logger and a plain pino call, the same with nested
// attributes (scrubbed at every depth, then serialized), and captureException with scrubbing on and off:
// the costs issues "Structured logs, correlation IDs and PII scrubbing" and 23 ask to be measured.
import { Writable } from 'node:stream';
import * as Faultline from '@faultline/core';
import pino from 'pino';
import { compare, toTable } from '../harness.mjs';
import { setupSentryCore } from '../subjects/sentryCore.mjs';

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
  // @sentry/core's logger, its client with logs on and a transport that resolves at once.
  const sentry = setupSentryCore({ enableLogs: true }).api;
  const attributes = (i) => ({ order_id: `o-${i}`, items: 3, total: 129.9, gift: false, region: 'eu-west-1' });
  const logs = await compare(
    [
      { name: 'Faultline logger.info', op: (i) => Faultline.logger.info('Order placed', attributes(i)) },
      { name: '@sentry/core logger.info', op: (i) => sentry.logger.info('Order placed', attributes(i)) },
      { name: 'pino info', op: (i) => pinoLogger.info(attributes(i), 'Order placed') },
    ],
    options,
  );
  // Nested values: Faultline scrubs them at every depth before it serializes them (issue 23).
  const nested = (i) => ({
    order_id: `o-${i}`,
    db: { host: 'db-1.internal', port: 5432, password: `hunter${i}` },
    sessions: [
      { id: `s-${i}`, token: `tok-${i}` },
      { id: `s-${i + 1}`, token: `tok-${i + 1}` },
    ],
    region: 'eu-west-1',
  });
  const nestedLogs = await compare(
    [
      { name: 'Faultline logger.info', op: (i) => Faultline.logger.info('db connect', nested(i)) },
      { name: '@sentry/core logger.info', op: (i) => sentry.logger.info('db connect', nested(i)) },
      { name: 'pino info', op: (i) => pinoLogger.info(nested(i), 'db connect') },
    ],
    options,
  );
  Faultline.getCarrier().client = undefined;
  return [
    toTable('captureException with and without PII scrubbing (@faultline/core)', scrub),
    toTable('A log call with 5 attributes: Faultline logger.info vs @sentry/core logger.info and plain pino', logs),
    toTable(
      'A log call with nested attributes (`db.password`, `sessions[].token`): Faultline scrubs every depth; Sentry and pino send them as they are',
      nestedLogs,
    ),
  ].join('\n');
}
