// Runs in its own process (both SDKs install process-wide hooks): captureException through
// @faultline/node and @sentry/node, each with its default integrations but a STUBBED transport (a send
// that resolves at once; Faultline without its journal), alternating rounds; prints a Markdown table.
// The default setups end to end (journal, real transport, receiver) are suites/endToEndDelivery.mjs.
import { createRequire } from 'node:module';
import * as Faultline from '@faultline/node';
import * as Sentry from '@sentry/node';
import { compare, toTable } from './harness.mjs';

const quick = process.argv.includes('--quick');
const options = quick ? { rounds: 3, durationMs: 200, warmupMs: 100 } : { rounds: 7, durationMs: 500, warmupMs: 500 };
const DSN = 'https://public@o1.ingest.example.com/1';

let faultlineBytes = 0;
let faultlineSends = 0;
Faultline.init({
  dsn: DSN,
  release: 'bench@1.0.0',
  queueDir: false,
  transport: () => ({
    send(envelope) {
      faultlineBytes += Faultline.serializeEnvelope(envelope).length;
      faultlineSends++;
      return Promise.resolve({});
    },
    flush: () => Promise.resolve(true),
  }),
});
let sentryBytes = 0;
let sentrySends = 0;
Sentry.init({
  dsn: DSN,
  release: 'bench@1.0.0',
  transport: (transportOptions) =>
    Sentry.createTransport(transportOptions, (request) => {
      sentryBytes += typeof request.body === 'string' ? request.body.length : request.body.byteLength;
      sentrySends++;
      return Promise.resolve({ statusCode: 200 });
    }),
});

for (const api of [Faultline, Sentry]) {
  api.setUser({ id: 'user-1842' });
  api.setTags({ region: 'eu-west-1', tier: 'gold', feature: 'checkout', build: '1842', node: 'n1' });
  for (let i = 0; i < 20; i++)
    api.addBreadcrumb({ category: 'http', message: `GET /api/items/${i} 200`, data: { status: 200 } });
}
const capture = (api) => (i) =>
  api.captureException(new Error(`Payment ${i} failed`, { cause: new TypeError(`card ${i} declined`) }));
const results = await compare(
  [
    {
      name: '@faultline/node (stubbed transport)',
      op: capture(Faultline),
      bytesPerOp: () => faultlineBytes / Math.max(1, faultlineSends),
    },
    {
      name: '@sentry/node (stubbed transport)',
      op: capture(Sentry),
      bytesPerOp: () => sentryBytes / Math.max(1, sentrySends),
    },
  ],
  options,
);
const require = createRequire(import.meta.url);
const version = (name) => require(`${name}/package.json`).version;
process.stdout.write(
  [
    toTable(
      `captureException, stubbed: each SDK's default integrations, a transport that resolves at once, Faultline with \`queueDir: false\` (@faultline/node ${version('@faultline/node')}, @sentry/node ${version('@sentry/node')})`,
      results,
    ),
    `Events that reached the request function: Faultline ${faultlineSends.toLocaleString('en-US')}, Sentry ${sentrySends.toLocaleString('en-US')}.`,
    '',
  ].join('\n'),
);
process.exit(0);
