import { inertIntegration, noteInert, type Integration } from '@faultline/core';

// Sentry's browser integrations for features Faultline does not implement (tracing, replay, profiling,
// the feedback widget, Spotlight). Each is accepted, so a Sentry `init` runs unchanged, does
// nothing, and with `debug: true` says so once.

/** Sentry's `bfcacheMetricsIntegration` (tracing): accepted and inert. */
export function bfcacheMetricsIntegration(_options: object = {}): Integration {
  return inertIntegration('BfcacheMetrics', 'tracing');
}

/** Sentry's `browserProfilingIntegration` (profiling): accepted and inert. */
export function browserProfilingIntegration(_options: object = {}): Integration {
  return inertIntegration('BrowserProfiling', 'profiling');
}

/** Sentry's `browserTracingIntegration` (tracing; each page load and navigation still gets its own trace id): accepted and inert. */
export function browserTracingIntegration(_options: object = {}): Integration {
  return inertIntegration('BrowserTracing', 'tracing');
}

/** Sentry's `contextLinesIntegration` (context lines of inline scripts): accepted and inert. */
export function contextLinesIntegration(_options: object = {}): Integration {
  return inertIntegration('ContextLines', 'context lines of inline scripts');
}

/** Sentry's `elementTimingIntegration` (tracing): accepted and inert. */
export function elementTimingIntegration(_options: object = {}): Integration {
  return inertIntegration('ElementTiming', 'tracing');
}

/** Sentry's `fetchStreamPerformanceIntegration` (tracing): accepted and inert. */
export function fetchStreamPerformanceIntegration(_options: object = {}): Integration {
  return inertIntegration('FetchStreamPerformance', 'tracing');
}

/** Sentry's `graphqlClientIntegration` (tracing): accepted and inert. */
export function graphqlClientIntegration(_options: object = {}): Integration {
  return inertIntegration('GraphQLClient', 'tracing');
}

/** Sentry's `interactionsIntegration` (tracing): accepted and inert. */
export function interactionsIntegration(_options: object = {}): Integration {
  return inertIntegration('Interactions', 'tracing');
}

/** Sentry's `replayCanvasIntegration` (replay): accepted and inert. */
export function replayCanvasIntegration(_options: object = {}): Integration {
  return inertIntegration('ReplayCanvas', 'replay');
}

/** Sentry's `reportingObserverIntegration` (reporting API): accepted and inert. */
export function reportingObserverIntegration(_options: object = {}): Integration {
  return inertIntegration('ReportingObserver', 'reporting API');
}

/** Sentry's `spotlightBrowserIntegration` (Spotlight): accepted and inert. */
export function spotlightBrowserIntegration(_options: object = {}): Integration {
  return inertIntegration('SpotlightBrowser', 'Spotlight');
}

/** Sentry's `userTimingIntegration` (tracing): accepted and inert. */
export function userTimingIntegration(_options: object = {}): Integration {
  return inertIntegration('UserTiming', 'tracing');
}

/** Sentry's `viewHierarchyIntegration` (attachments): accepted and inert. */
export function viewHierarchyIntegration(_options: object = {}): Integration {
  return inertIntegration('ViewHierarchy', 'attachments');
}

/** Sentry's `webWorkerIntegration` (web worker debug ids): accepted and inert. */
export function webWorkerIntegration(_options: object = {}): Integration {
  return inertIntegration('WebWorker', 'web worker debug ids');
}

/** Sentry's `replayIntegration()` (session replay): accepted and inert; its methods do nothing. */
export function replayIntegration(
  _options: object = {},
): Integration &
  Record<'start' | 'startBuffering' | 'stop' | 'flush', () => Promise<void>> & { getReplayId(): undefined } {
  const none = async (): Promise<void> => noteInert('Replay (replay)');
  return {
    ...inertIntegration('Replay', 'replay'),
    start: none,
    startBuffering: none,
    stop: none,
    flush: none,
    getReplayId: () => undefined,
  };
}

type FeedbackWidget = Integration & {
  attachTo(element: unknown, options?: unknown): () => void;
  createWidget(options?: unknown): { appendToDom(): void; removeFromDom(): void; open(): void; close(): void };
  createForm(options?: unknown): Promise<{ appendToDom(): void; removeFromDom(): void; open(): void; close(): void }>;
  remove(): void;
};

/** Sentry's feedback widget: accepted and inert (no UI is drawn); `captureFeedback` sends feedback. */
export function feedbackIntegration(_options: object = {}): FeedbackWidget {
  const dialog = { appendToDom() {}, removeFromDom() {}, open() {}, close() {} };
  return {
    ...inertIntegration('Feedback', 'feedback widget'),
    attachTo: () => () => undefined,
    createWidget: () => dialog,
    createForm: async () => dialog,
    remove() {},
  };
}

/** Sentry's feedback widget, loaded lazily: accepted and inert. */
export const feedbackAsyncIntegration = feedbackIntegration;
/** Sentry's feedback widget, bundled: accepted and inert. */
export const feedbackSyncIntegration = feedbackIntegration;
