export { init } from './init';
export { getDefaultIntegrations } from './getDefaultIntegrations';
export { withFlush } from './withFlush';
export { faultlinePinoDestination } from './logging/faultlinePinoDestination';
export { faultlinePinoMixin } from './logging/faultlinePinoMixin';
export { faultlinePinoContext } from './logging/faultlinePinoContext';
export { FaultlineTransport } from './logging/FaultlineTransport';
export { consoleIntegration } from './integrations/consoleIntegration';
export { createTunnelHandler } from './createTunnelHandler';
export { expressErrorHandler } from './frameworks/expressErrorHandler';
export { faultlineFastify } from './frameworks/fastifyPlugin';
export { koaMiddleware } from './frameworks/koaMiddleware';
export { setupExpressErrorHandler } from './frameworks/setupExpressErrorHandler';
export { setupFastifyErrorHandler } from './frameworks/setupFastifyErrorHandler';
export { setupKoaErrorHandler } from './frameworks/setupKoaErrorHandler';
export { setupConnectErrorHandler } from './frameworks/setupConnectErrorHandler';
export { setupHapiErrorHandler } from './frameworks/setupHapiErrorHandler';
export { setupHonoErrorHandler } from './frameworks/setupHonoErrorHandler';
export { pinoIntegration } from './integrations/pinoIntegration';
export { NodeClient } from './sentryCompat/NodeClient';
export { NODE_VERSION } from './sentryCompat/nodeVersion';
export { getSentryRelease } from './sentryCompat/getSentryRelease';
export { cron } from './sentryCompat/cron';
export { trpcMiddleware } from './sentryCompat/trpcMiddleware';
export { createSentryWinstonTransport } from './sentryCompat/createSentryWinstonTransport';
export { requestDataIntegration } from './sentryCompat/requestDataIntegration';
export { systemErrorIntegration } from './sentryCompat/systemErrorIntegration';
export { modulesIntegration } from './sentryCompat/modulesIntegration';
export {
  consoleLoggingIntegration,
  httpIntegration,
  nativeNodeFetchIntegration,
  onUncaughtExceptionIntegration,
  onUnhandledRejectionIntegration,
} from './sentryCompat/integrationAliases';
export {
  createGetModuleFromFilename,
  getDefaultIntegrationsWithoutPerformance,
  initWithoutDefaultIntegrations,
  setNodeAsyncContextStrategy,
  winterCGHeadersToDict,
} from './sentryCompat/nodeSetup';
export {
  applyDiagnosticsChannelInjectionIntegrations,
  createLangChainCallbackHandler,
  diagnosticsChannelInjectionIntegrations,
  disableAnrDetectionForCallback,
  experimentalUseDiagnosticsChannelInjection,
  generateInstrumentOnce,
  getAutoPerformanceIntegrations,
  httpHeadersToSpanAttributes,
  initOpenTelemetry,
  instrumentAnthropicAiClient,
  instrumentGoogleGenAIClient,
  instrumentLangChainEmbeddings,
  instrumentLangGraph,
  instrumentOpenAiClient,
  instrumentStateGraph,
  instrumentStateGraphCompile,
  isDiagnosticsChannelInjectionEnabled,
  preloadOpenTelemetry,
  profiler,
  SentryContextManager,
  validateOpenTelemetrySetup,
  wrapMcpServerWithSentry,
} from './sentryCompat/inertApi';
export {
  amqplibIntegration,
  anrIntegration,
  anthropicAIIntegration,
  childProcessIntegration,
  connectIntegration,
  dataloaderIntegration,
  expressIntegration,
  fastifyIntegration,
  firebaseIntegration,
  fsIntegration,
  genericPoolIntegration,
  googleGenAIIntegration,
  graphqlIntegration,
  hapiIntegration,
  honoIntegration,
  httpServerSpansIntegration,
  kafkaIntegration,
  knexIntegration,
  koaIntegration,
  langChainIntegration,
  langGraphIntegration,
  localVariablesIntegration,
  lruMemoizerIntegration,
  mongoIntegration,
  mongooseIntegration,
  mysql2Integration,
  mysqlIntegration,
  nodeRuntimeMetricsIntegration,
  openAIIntegration,
  postgresIntegration,
  postgresJsIntegration,
  prismaIntegration,
  redisIntegration,
  spotlightIntegration,
  tediousIntegration,
  vercelAIIntegration,
} from './sentryCompat/inertIntegrations';
export { makeNodeTransport } from './transports/makeNodeTransport';
export { createFileJournal } from './transports/createFileJournal';
export { createAsyncLocalStorageStrategy } from './createAsyncLocalStorageStrategy';
export { processHandlersIntegration } from './integrations/processHandlersIntegration';
export { httpServerIntegration } from './integrations/httpServerIntegration';
export { httpClientIntegration } from './integrations/httpClientIntegration';
export { nodeContextIntegration, detectCloud } from './integrations/nodeContextIntegration';
export { gracefulShutdownIntegration } from './integrations/gracefulShutdownIntegration';
export { processSessionIntegration } from './integrations/processSessionIntegration';
export { sourceMapsIntegration } from './integrations/sourceMapsIntegration';
export { contextLinesIntegration } from './integrations/contextLinesIntegration';
export { metricsHandler } from './metrics/metricsHandler';
export { registerFaultlineMetrics } from './metrics/registerFaultlineMetrics';
export {
  addBreadcrumb,
  addEventProcessor,
  addIntegration,
  bindScopeToEmitter,
  buildLaunchDarklyFlagUsedHandler,
  captureCheckIn,
  captureConsoleIntegration,
  captureErrors,
  captureEvent,
  captureException,
  captureFeedback,
  captureMessage,
  captureSession,
  close,
  continueTrace,
  createConsolaReporter,
  createLokiDestination,
  createTransport,
  dedupeIntegration,
  defaultStackParser,
  endSession,
  eventFiltersIntegration,
  extraErrorDataIntegration,
  featureFlagsIntegration,
  flush,
  functionToStringIntegration,
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
  getTraceMetaTags,
  growthbookIntegration,
  inboundFiltersIntegration,
  instrumentSupabaseClient,
  isEnabled,
  isInitialized,
  lastEventId,
  launchDarklyIntegration,
  linkedErrorsIntegration,
  logger,
  metrics,
  openFeatureIntegration,
  OpenFeatureIntegrationHook,
  parameterize,
  rewriteFramesIntegration,
  Scope,
  SDK_VERSION,
  SEMANTIC_ATTRIBUTE_SENTRY_OP,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  SEMANTIC_ATTRIBUTE_SENTRY_SAMPLE_RATE,
  SEMANTIC_ATTRIBUTE_SENTRY_SOURCE,
  serializeEnvelope,
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
  spanToTraceHeader,
  startInactiveSpan,
  startNewTrace,
  startSession,
  startSpan,
  startSpanManual,
  statsigIntegration,
  supabaseIntegration,
  suppressTracing,
  unleashIntegration,
  updateSpanName,
  withActiveSpan,
  withIsolationScope,
  withMonitor,
  withScope,
  withStreamedSpan,
  zodErrorsIntegration,
} from '@faultline/core';

export { NODE_OPTION_CHECKS } from './nodeOptions';
export type { NodeOptions } from './nodeOptions';
export type { FileJournalOptions } from './transports/createFileJournal';
export type { BridgeOptions } from './logging/bridgeLog';
export type { PinoDestination } from './logging/faultlinePinoDestination';
export type { PinoWorkerOptions } from './logging/createPinoWorkerBridge';
export type { TunnelOptions, TunnelRequest, TunnelResponse } from './createTunnelHandler';
export type { ProcessHandlersOptions, UnhandledRejectionMode } from './integrations/processHandlersIntegration';
export type { MetricsHandlerOptions, MetricsRequest, MetricsResponse } from './metrics/metricsHandler';
export type { PromRegistry } from './metrics/registerFaultlineMetrics';
export type {
  BaseTransportOptions,
  Breadcrumb,
  CaptureContext,
  CaptureContextCallback,
  CaptureErrorsOptions,
  CaptureHint,
  CheckIn,
  Client,
  Envelope,
  ErrorEvent,
  Event,
  EventHint,
  EventProcessor,
  FeedbackParams,
  Integration,
  LokiOptions,
  MonitorConfig,
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
  StackParser,
  StartSpanOptions,
  Transport,
  TransportMakeRequestResponse,
  TransportRequest,
  User,
} from '@faultline/core';
export type { ErrorHandlerOptions } from './frameworks/expressErrorHandler';
