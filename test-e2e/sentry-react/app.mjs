// A React app as Sentry's React guide writes it (init with tracing, replay and logs, root error hooks,
// an ErrorBoundary with a fallback, spans around a user action, logs, feedback), with only the import
// changed: `@sentry/react` → `@faultline/react`. Bundled by rollup when the spec runs.
import * as Sentry from '@faultline/react';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

Sentry.init({
  dsn: 'http://publickey@' + location.host + '/1',
  // Adds request headers and IP for users, for more info visit:
  // https://docs.sentry.io/platforms/javascript/guides/react/configuration/options/#sendDefaultPii
  sendDefaultPii: true,
  integrations: [Sentry.browserTracingIntegration(), Sentry.replayIntegration()],
  enableLogs: true,
  tracesSampleRate: 1.0,
  tracePropagationTargets: ['localhost', /^\/api\//],
  replaysSessionSampleRate: 0.1,
  replaysOnErrorSampleRate: 1.0,
});

function Cart({ broken }) {
  if (broken) throw new Error('cart render failed');
  return h('p', { id: 'cart' }, 'cart ok');
}

function App() {
  const [broken, setBroken] = useState(false);
  const checkout = () =>
    Sentry.startSpan({ op: 'ui.click', name: 'Checkout Button Click' }, async (span) => {
      span.setAttribute('items', 3);
      const { logger } = Sentry;
      logger.info(logger.fmt`Checkout of ${3} items for ${'u-42'}`);
      const response = await fetch('/api/pay');
      document.getElementById('span').textContent = JSON.stringify(span.spanContext());
      try {
        throw new Error(`payment failed with ${response.status}`);
      } catch (error) {
        const eventId = Sentry.captureException(error);
        Sentry.captureFeedback({ message: 'The payment did not go through', name: 'Ada', associatedEventId: eventId });
      }
    });
  return h(
    'div',
    null,
    h('button', { id: 'checkout', onClick: checkout }, 'checkout'),
    h('button', { id: 'break', onClick: () => setBroken(true) }, 'break the cart'),
    h('pre', { id: 'span' }),
    h(Sentry.ErrorBoundary, { fallback: h('p', { id: 'fallback' }, 'An error has occurred') }, h(Cart, { broken })),
  );
}

const container = document.getElementById('root');
const root = createRoot(container, {
  // Callback called when an error is thrown and not caught by an ErrorBoundary.
  onUncaughtError: Sentry.reactErrorHandler((error, errorInfo) => {
    console.warn('Uncaught error', error, errorInfo.componentStack);
  }),
  // Callback called when React catches an error in an ErrorBoundary.
  onCaughtError: Sentry.reactErrorHandler(),
  // Callback called when React automatically recovers from errors.
  onRecoverableError: Sentry.reactErrorHandler(),
});
root.render(h(App));
