/**
 * Options of Sentry's JavaScript SDK that Faultline does not implement (mostly tracing, sessions, replay
 * and profiling). Passing one is not a typo: it is ignored with a debug message, and the README's
 * "Coming from Sentry" section says what to use instead.
 */
export const SENTRY_ONLY_OPTIONS: readonly string[] = [
  'autoSessionTracking',
  'beforeSendSpan',
  'beforeSendTransaction',
  'cdnBaseUrl',
  'defaultIntegrations',
  'enableTracing',
  'ignoreSpans',
  'ignoreTransactions',
  'includeLocalVariables',
  'parentSpanIsAlwaysRootSpan',
  'profilesSampleRate',
  'profilesSampler',
  'replaysOnErrorSampleRate',
  'replaysSessionSampleRate',
  'sendClientReports',
  'skipOpenTelemetrySetup',
  'spotlight',
  'stackParser',
  'tracesSampleRate',
  'tracesSampler',
  'transportOptions',
  '_experiments',
];
