// @sentry/core's ServerRuntimeClient (the base of @sentry/node's client) with the integrations Sentry
// enables by default that have a Faultline equivalent (event filters, linked errors, dedupe), and
// createTransport with a request function that resolves at once. `options` are more client options
// (`{ enableLogs: true }` for its logger).
import * as Sentry from '@sentry/core';
import { ServerRuntimeClient, nodeStackLineParser } from '@sentry/core/server';

export function setupSentryCore(options = {}) {
  let bytes = 0;
  let sends = 0;
  const client = new ServerRuntimeClient({
    dsn: 'https://public@o1.ingest.example.com/1',
    release: 'bench@1.0.0',
    platform: 'node',
    stackParser: Sentry.createStackParser(nodeStackLineParser()),
    integrations: [Sentry.eventFiltersIntegration(), Sentry.linkedErrorsIntegration(), Sentry.dedupeIntegration()],
    transport: (options) =>
      Sentry.createTransport(options, (request) => {
        bytes += typeof request.body === 'string' ? request.body.length : request.body.byteLength;
        sends++;
        return Promise.resolve({ statusCode: 200 });
      }),
    ...options,
  });
  Sentry.setCurrentClient(client);
  client.init();
  return { api: Sentry, sends: () => sends, bytesPerSend: () => (sends === 0 ? 0 : bytes / sends) };
}
