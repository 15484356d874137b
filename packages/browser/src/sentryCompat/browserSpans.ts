import {
  getIsolationScope,
  startInactiveSpan,
  startNewTrace,
  withActiveSpan,
  type Client,
  type Span,
  type StartSpanOptions,
} from '@faultline/core';

/**
 * Starts a navigation as Sentry's custom-routing docs do: a new trace for the page the app moves to
 * (events, logs and requests after it carry the new trace id), and a span for it (not sent).
 */
export function startBrowserTracingNavigationSpan(
  _client: Client | undefined,
  spanOptions: StartSpanOptions,
  _options?: object,
): Span {
  startNewTrace();
  const span = startInactiveSpan(spanOptions);
  setActiveSpanInBrowser(span);
  return span;
}

/** The page-load span of Sentry's custom routing: a span in the page's trace (not sent). */
export function startBrowserTracingPageLoadSpan(
  _client: Client | undefined,
  spanOptions: StartSpanOptions,
  _traceOptions?: object,
): Span {
  const span = startInactiveSpan(spanOptions);
  setActiveSpanInBrowser(span);
  return span;
}

/** Makes `span` active for the whole page (until another one is): events carry its trace and span id. */
export function setActiveSpanInBrowser(span: Span): void {
  withActiveSpan(span, (scope) => getIsolationScope().setPropagationContext(scope.getPropagationContext()));
}
