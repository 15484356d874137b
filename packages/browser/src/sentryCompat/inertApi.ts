import { noteInert } from '@faultline/core';

// Sentry's browser functions for features Faultline does not implement (tracing instrumentation, the
// report dialog, replay and feedback handles, web workers, the UI profiler). Each can be called as in
// Sentry and does nothing; with `debug: true` each says so once.

/** Sentry's user-report dialog: accepted and inert (no UI is drawn). */
export function showReportDialog(_options: object = {}): void {
  noteInert('showReportDialog (report dialog)');
}

/** The replay integration, if any: there is none here. */
export function getReplay(): undefined {
  return undefined;
}

/** The feedback widget integration, if any: there is none here. */
export function getFeedback(): undefined {
  return undefined;
}

/** Traces outgoing requests: inert (Faultline adds `traceparent` through its own integration). */
export function instrumentOutgoingRequests(_client?: unknown, _options?: unknown): void {
  noteInert('instrumentOutgoingRequests (tracing)');
}

/** Marks spans as errored on global errors: inert (no spans are sent). */
export function registerSpanErrorInstrumentation(): void {
  noteInert('registerSpanErrorInstrumentation (tracing)');
}

/** Sentry's web worker debug-id relay: inert. */
export function registerWebWorker(_options?: unknown): void {
  noteInert('registerWebWorker (web worker debug ids)');
}

/** Ends Sentry's page-load span: inert. */
export function reportPageLoaded(): void {
  noteInert('reportPageLoaded (tracing)');
}

/** Sentry's UI profiler: accepted and inert. */
export const uiProfiler = {
  startProfiler: (): void => noteInert('uiProfiler (profiling)'),
  stopProfiler: (): void => noteInert('uiProfiler (profiling)'),
};

/** Sentry's defaults for request instrumentation (tracing): the same values, read by nothing here. */
export const defaultRequestInstrumentationOptions = { traceFetch: true, traceXHR: true, enableHTTPTimings: true };
