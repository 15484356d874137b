// A browser app written against @sentry/browser's types, as Sentry's docs show it (init with the tracing
// and replay options, a custom integration, feedback, spans, a multiplexed transport). Compiled as it is
// and with only the imports changed by sentryTypes.test.ts.
import * as Sentry from '@sentry/browser';
import type { BrowserOptions, Event, EventHint, Span } from '@sentry/browser';
import type { Integration } from '@sentry/core';

const pageContext: Integration = {
  name: 'PageContext',
  processEvent(event: Event, _hint: EventHint) {
    return { ...event, tags: { ...event.tags, page: 'checkout' } };
  },
};

const options: BrowserOptions = {
  dsn: 'https://publickey@o1.ingest.example.com/1',
  release: 'shop@1.4.2',
  integrations: [Sentry.browserTracingIntegration(), Sentry.replayIntegration(), pageContext],
  tracesSampleRate: 1.0,
  tracePropagationTargets: ['localhost', /^https:\/\/api\.example\.com/],
  replaysSessionSampleRate: 0.1,
  replaysOnErrorSampleRate: 1.0,
  transport: Sentry.makeMultiplexedTransport(Sentry.makeFetchTransport, ({ getEvent }) => {
    const event = getEvent();
    return event?.tags?.team === 'payments'
      ? [{ dsn: 'https://key@o1.ingest.example.com/2', release: 'payments@1' }]
      : [];
  }),
};
Sentry.init(options);

document.querySelector('#buy')?.addEventListener('click', () => {
  Sentry.startSpan({ name: 'buy', op: 'ui.click' }, (span: Span) => {
    span.setAttribute('items', 3);
    try {
      throw new Error('payment failed');
    } catch (error) {
      const eventId = Sentry.captureException(error, { tags: { team: 'payments' } });
      Sentry.captureFeedback({ message: 'It broke', name: 'Ada', associatedEventId: eventId });
    }
  });
});

export const connectivity: Promise<unknown> = Sentry.diagnoseSdkConnectivity();
