// A Node service written against @sentry/node's types, as Sentry's docs show it (init, scopes, a custom
// transport typed with BaseTransportOptions, spans, crons, logs, Express). sentryTypes.test.ts compiles it
// as it is (against Sentry) and with only the imports changed (`@sentry/*` → `@faultline/*`), with `tsc --strict`.
import * as Sentry from '@sentry/node';
import type { Breadcrumb, ErrorEvent, Event, EventHint, NodeOptions, SeverityLevel, Span } from '@sentry/node';
import type {
  BaseTransportOptions,
  Integration,
  MonitorConfig,
  StartSpanOptions,
  Transport,
  TransportMakeRequestResponse,
  TransportRequest,
} from '@sentry/core';
import express from 'express';

export function makeFetchTransport(options: BaseTransportOptions): Transport {
  function makeRequest(request: TransportRequest): PromiseLike<TransportMakeRequestResponse> {
    return fetch(options.url, { body: request.body as string, method: 'POST' }).then((response) => ({
      statusCode: response.status,
      headers: {
        'x-sentry-rate-limits': response.headers.get('X-Sentry-Rate-Limits'),
        'retry-after': response.headers.get('Retry-After'),
      },
    }));
  }
  return Sentry.createTransport(options, makeRequest);
}

const checkout: Integration = {
  name: 'Checkout',
  setupOnce() {},
  processEvent(event: Event, _hint: EventHint) {
    event.tags = { ...event.tags, area: 'checkout' };
    return event;
  },
};

const options: NodeOptions = {
  dsn: process.env.SENTRY_DSN,
  release: 'shop@1.4.2',
  environment: 'production',
  sampleRate: 1.0,
  tracesSampleRate: 0.2,
  sendDefaultPii: false,
  enableLogs: true,
  transport: makeFetchTransport,
  integrations: [checkout, Sentry.extraErrorDataIntegration({ depth: 5 }), Sentry.rewriteFramesIntegration()],
  beforeSend(event: ErrorEvent, hint: EventHint) {
    if (hint.originalException instanceof Error && hint.originalException.message === 'ignore me') return null;
    return event;
  },
  beforeBreadcrumb(breadcrumb: Breadcrumb) {
    return breadcrumb.category === 'console' ? null : breadcrumb;
  },
};
Sentry.init(options);

Sentry.setUser({ id: '42' });
Sentry.setTag('page_locale', 'de-at');
Sentry.setContext('character', { name: 'Mighty Fighter' });
Sentry.addBreadcrumb({ category: 'auth', message: 'Authenticated', level: 'info' });
Sentry.getCurrentScope().addEventProcessor((event) => event);
Sentry.addEventProcessor((event) => event);
Sentry.withScope((scope) => {
  scope.setLevel('warning');
  scope.setTransactionName('GET /checkout');
  Sentry.captureException(new Error('in scope'));
});
const level: SeverityLevel = 'debug';
Sentry.captureMessage('debug message', level);
Sentry.captureMessage(Sentry.parameterize`User ${'u-1'} paid`);
Sentry.logger.info(Sentry.logger.fmt`Order ${'o-1'} paid`, { total: 12 });

const spanOptions: StartSpanOptions = { name: 'load-user', op: 'db.query', attributes: { table: 'users' } };
const total: number = Sentry.startSpan(spanOptions, (span: Span) => {
  span.setAttribute('rows', 1);
  return 1;
});
export const later: Promise<string> = Sentry.startSpan({ name: 'async' }, async () => 'done');
const inactive = Sentry.startInactiveSpan({ name: 'background' });
Sentry.withActiveSpan(inactive, () => Sentry.getActiveSpan()?.spanContext().traceId);
inactive.end();
export const traceHeaders: string | undefined = Sentry.getTraceData()['sentry-trace'];

const monitorConfig: MonitorConfig = {
  schedule: { type: 'crontab', value: '0 3 * * *' },
  checkinMargin: 2,
  maxRuntime: 10,
};
export const report: Promise<void> = Sentry.withMonitor('nightly-report', async () => {}, monitorConfig);
const checkInId = Sentry.captureCheckIn({ monitorSlug: 'manual', status: 'in_progress' });
Sentry.captureCheckIn({ checkInId, monitorSlug: 'manual', status: 'ok', duration: total });

const app = express();
app.get('/debug-sentry', () => {
  throw new Error('My first Sentry error!');
});
Sentry.setupExpressErrorHandler(app);
app.use(
  (
    _error: unknown,
    _req: express.Request,
    res: express.Response & { sentry?: string },
    _next: express.NextFunction,
  ) => {
    res.status(500).end(`${res.sentry ?? ''}\n`);
  },
);

export const ready: boolean = Sentry.isInitialized() && Sentry.isEnabled();
export const flushed: Promise<boolean> = Sentry.flush(2000);
