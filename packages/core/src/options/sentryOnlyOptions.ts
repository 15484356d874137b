/**
 * Options of Sentry's JavaScript SDK that Faultline does not implement (tracing, replay,
 * profiling, Spotlight…). They type-check, so that a Sentry `init` compiles unchanged, and are ignored
 * with a debug message; the README's "Coming from Sentry" section says what to use instead.
 */
export interface SentryOnlyOptions {
  /** @deprecated Not implemented by Faultline (no tracing): ignored. */
  beforeSendSpan?: unknown;
  /** @deprecated Not implemented by Faultline (no tracing): ignored. */
  beforeSendTransaction?: unknown;
  /** @deprecated Not implemented by Faultline: ignored. */
  cdnBaseUrl?: unknown;
  /** @deprecated Not implemented by Faultline: use `integrations: () => []` to run without the defaults. */
  defaultIntegrations?: unknown;
  /** @deprecated Not implemented by Faultline (no tracing): ignored. */
  enableTracing?: unknown;
  /** @deprecated Not implemented by Faultline (no tracing): ignored. */
  ignoreSpans?: unknown;
  /** @deprecated Not implemented by Faultline (no tracing): ignored. */
  ignoreTransactions?: unknown;
  /** @deprecated Not implemented by Faultline (no local variables): ignored. */
  includeLocalVariables?: unknown;
  /** @deprecated Not implemented by Faultline (no tracing): ignored. */
  parentSpanIsAlwaysRootSpan?: unknown;
  /** @deprecated Not implemented by Faultline (no profiling): ignored. */
  profilesSampleRate?: unknown;
  /** @deprecated Not implemented by Faultline (no profiling): ignored. */
  profilesSampler?: unknown;
  /** @deprecated Not implemented by Faultline (no replay): ignored. */
  replaysOnErrorSampleRate?: unknown;
  /** @deprecated Not implemented by Faultline (no replay): ignored. */
  replaysSessionSampleRate?: unknown;
  /** @deprecated Faultline always sends client reports: ignored. */
  sendClientReports?: unknown;
  /** @deprecated Not implemented by Faultline (no OpenTelemetry): ignored. */
  skipOpenTelemetrySetup?: unknown;
  /** @deprecated Not implemented by Faultline (use `faultline dev`): ignored. */
  spotlight?: unknown;
  /** @deprecated Not implemented by Faultline (its stack parser is built in): ignored. */
  stackParser?: unknown;
  /** @deprecated Not implemented by Faultline (no tracing; trace ids are still propagated): ignored. */
  tracesSampleRate?: unknown;
  /** @deprecated Not implemented by Faultline (no tracing; trace ids are still propagated): ignored. */
  tracesSampler?: unknown;
  /** @deprecated Not implemented by Faultline (see `delivery`): ignored. */
  transportOptions?: unknown;
  /** @deprecated Not implemented by Faultline: ignored. */
  _experiments?: unknown;
}

// One string, split once per check: a list this long costs a third less in a bundle than an array literal.
const NAMES =
  'beforeSendSpan beforeSendTransaction cdnBaseUrl defaultIntegrations enableTracing ' +
  'ignoreSpans ignoreTransactions includeLocalVariables parentSpanIsAlwaysRootSpan profilesSampleRate ' +
  'profilesSampler replaysOnErrorSampleRate replaysSessionSampleRate sendClientReports skipOpenTelemetrySetup ' +
  'spotlight stackParser tracesSampleRate tracesSampler transportOptions _experiments';

/** Whether `key` is one of `SentryOnlyOptions`: given, it is not a typo but reported as not implemented. */
export const isSentryOnlyOption = (key: string): key is keyof SentryOnlyOptions => NAMES.split(' ').includes(key);
