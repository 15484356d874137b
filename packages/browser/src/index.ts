export { init } from './init';
export { getDefaultIntegrations } from './getDefaultIntegrations';
// Through the pipeline module: see lazyExports.ts.
export { createIndexedDbJournal, createTransport, makeFetchTransport } from './lazyExports';
export { sendBeacon } from './transports/sendBeacon';
export type { IndexedDbJournalOptions, LockManagerLike } from './transports/createIndexedDbJournal';
export type { FetchTransportOptions } from './transports/makeFetchTransport';
export { globalHandlersIntegration } from './integrations/globalHandlersIntegration';
export { consoleBreadcrumbsIntegration } from './integrations/consoleBreadcrumbsIntegration';
export { domBreadcrumbsIntegration } from './integrations/domBreadcrumbsIntegration';
export { fetchBreadcrumbsIntegration } from './integrations/fetchBreadcrumbsIntegration';
export { xhrBreadcrumbsIntegration } from './integrations/xhrBreadcrumbsIntegration';
export { historyBreadcrumbsIntegration } from './integrations/historyBreadcrumbsIntegration';
export { tracePropagationIntegration } from './integrations/tracePropagationIntegration';
export { browserContextIntegration } from './integrations/browserContextIntegration';
export { pageHideIntegration } from './integrations/pageHideIntegration';
export { debugIdsIntegration } from './integrations/debugIdsIntegration';
export { webVitalsIntegration } from './integrations/webVitalsIntegration';
export { browserApiErrorsIntegration } from './integrations/browserApiErrorsIntegration';
export { browserSessionIntegration } from './integrations/browserSessionIntegration';
export type { BrowserSessionOptions } from './integrations/browserSessionIntegration';
export { BrowserClient } from './sentryCompat/BrowserClient';
export { breadcrumbsIntegration } from './sentryCompat/breadcrumbsIntegration';
export { httpClientIntegration } from './sentryCompat/httpClientIntegration';
export {
  consoleIntegration,
  cultureContextIntegration,
  httpContextIntegration,
} from './sentryCompat/integrationAliases';
export { eventFromException, eventFromMessage, exceptionFromError } from './sentryCompat/eventBuilders';
export {
  createUserFeedbackEnvelope,
  diagnoseSdkConnectivity,
  forceLoad,
  getAbsoluteUrl,
  isBotUserAgent,
  makeBrowserOfflineTransport,
  MULTIPLEXED_TRANSPORT_EXTRA_KEY,
  normalizeStringifyValue,
  onLoad,
  sendFeedback,
  WINDOW,
} from './sentryCompat/browserHelpers';
export {
  setActiveSpanInBrowser,
  startBrowserTracingNavigationSpan,
  startBrowserTracingPageLoadSpan,
} from './sentryCompat/browserSpans';
export {
  createCachedRouteProvider,
  createUrlRouteProvider,
  getRouteProvider,
  resolveCurrentRoute,
  resolveRoute,
  setRouteProvider,
} from './sentryCompat/routeProviders';
export {
  defaultRequestInstrumentationOptions,
  getFeedback,
  getReplay,
  instrumentOutgoingRequests,
  registerSpanErrorInstrumentation,
  registerWebWorker,
  reportPageLoaded,
  showReportDialog,
  uiProfiler,
} from './sentryCompat/inertApi';
export {
  bfcacheMetricsIntegration,
  browserProfilingIntegration,
  browserTracingIntegration,
  contextLinesIntegration,
  elementTimingIntegration,
  feedbackAsyncIntegration,
  feedbackIntegration,
  feedbackSyncIntegration,
  fetchStreamPerformanceIntegration,
  graphqlClientIntegration,
  interactionsIntegration,
  replayCanvasIntegration,
  replayIntegration,
  reportingObserverIntegration,
  spotlightBrowserIntegration,
  userTimingIntegration,
  viewHierarchyIntegration,
  webWorkerIntegration,
} from './sentryCompat/inertIntegrations';
export {
  addBreadcrumb,
  addEventProcessor,
  addIntegration,
  bindScopeToEmitter,
  buildLaunchDarklyFlagUsedHandler,
  captureConsoleIntegration,
  captureErrors,
  captureEvent,
  captureException,
  captureFeedback,
  captureMessage,
  captureSession,
  chromeStackLineParser,
  close,
  consoleLoggingIntegration,
  continueTrace,
  createConsolaReporter,
  dedupeIntegration,
  defaultStackLineParsers,
  defaultStackParser,
  endSession,
  eventFiltersIntegration,
  extraErrorDataIntegration,
  featureFlagsIntegration,
  flush,
  functionToStringIntegration,
  geckoStackLineParser,
  getActiveSpan,
  getClient,
  getCurrentScope,
  getGlobalScope,
  getIsolationScope,
  getRootSpan,
  getSdkMetrics,
  getSpanDescendants,
  getSpanStatusFromHttpCode,
  getTraceData,
  getTraceHeaders,
  growthbookIntegration,
  inboundFiltersIntegration,
  instrumentSupabaseClient,
  isEnabled,
  isInitialized,
  lastEventId,
  launchDarklyIntegration,
  linkedErrorsIntegration,
  logger,
  makeMultiplexedTransport,
  metrics,
  moduleMetadataIntegration,
  openFeatureIntegration,
  OpenFeatureIntegrationHook,
  opera10StackLineParser,
  opera11StackLineParser,
  parameterize,
  rewriteFramesIntegration,
  Scope,
  SDK_VERSION,
  SEMANTIC_ATTRIBUTE_SENTRY_OP,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  SEMANTIC_ATTRIBUTE_SENTRY_SAMPLE_RATE,
  setAttribute,
  setAttributes,
  setContext,
  setConversationId,
  setCurrentClient,
  setExtra,
  setExtras,
  setHttpStatus,
  setMeasurement,
  setTag,
  setTags,
  setUser,
  spanStreamingIntegration,
  spanToBaggageHeader,
  spanToJSON,
  spanToStaticSpanJSON,
  spanToTraceHeader,
  startInactiveSpan,
  startNewTrace,
  startSession,
  startSpan,
  startSpanManual,
  statsigIntegration,
  supabaseIntegration,
  suppressTracing,
  thirdPartyErrorFilterIntegration,
  unleashIntegration,
  updateSpanName,
  winjsStackLineParser,
  withActiveSpan,
  withIsolationScope,
  withScope,
  withStaticSpan,
  withStreamedSpan,
  zodErrorsIntegration,
} from '@faultline/core';

export type { BrowserOptions } from './browserOptions';
export type {
  BaseTransportOptions,
  Breadcrumb,
  CaptureContext,
  CaptureContextCallback,
  CaptureErrorsOptions,
  CaptureHint,
  Client,
  DebugImage,
  Envelope,
  ErrorEvent,
  Event,
  EventHint,
  EventProcessor,
  FeedbackParams,
  Integration,
  LokiOptions,
  ParameterizedString,
  SdkMetrics,
  SeverityLevel,
  Span,
  SpanAttributes,
  SpanAttributeValue,
  SpanContextData,
  SpanJSON,
  SpanStatus,
  StackFrame,
  StackLineParser,
  StackParser,
  StartSpanOptions,
  Transport,
  TransportMakeRequestResponse,
  TransportRequest,
  User,
} from '@faultline/core';
export type { RouteProvider } from './sentryCompat/routeProviders';
