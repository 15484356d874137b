export { init, initAndBind } from './init';
export { getCoreDefaultIntegrations } from './integrations/getCoreDefaultIntegrations';
export { captureException, captureMessage, captureEvent, lastEventId } from './api/capture';
export { captureErrors } from './api/captureErrors';
export { markCaptured } from './api/markCaptured';
export {
  addBreadcrumb,
  setAttribute,
  setAttributes,
  setUser,
  setTag,
  setTags,
  setContext,
  setExtra,
  setExtras,
} from './api/scopeSetters';
export { isInitialized, isEnabled } from './api/isInitialized';
export { addEventProcessor, addIntegration, setCurrentClient } from './api/addIntegration';
export { parameterize } from './api/parameterize';
export { captureFeedback } from './api/captureFeedback';
export { captureCheckIn } from './checkIns/captureCheckIn';
export { withMonitor } from './checkIns/withMonitor';
export { createCheckInEnvelope } from './envelope/createCheckInEnvelope';
export { startSpan, startSpanManual, startInactiveSpan } from './spans/startSpan';
export { getActiveSpan, withActiveSpan } from './spans/activeSpan';
export {
  getRootSpan,
  getSpanDescendants,
  spanToBaggageHeader,
  spanToJSON,
  spanToStaticSpanJSON,
  spanToTraceHeader,
  updateSpanName,
} from './spans/spanToJSON';
export { getSpanStatusFromHttpCode, setHttpStatus } from './spans/getSpanStatusFromHttpCode';
export { suppressTracing } from './spans/suppressTracing';
export {
  SEMANTIC_ATTRIBUTE_SENTRY_OP,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  SEMANTIC_ATTRIBUTE_SENTRY_SAMPLE_RATE,
  SEMANTIC_ATTRIBUTE_SENTRY_SOURCE,
} from './spans/semanticAttributes';
export { getTraceData, getTraceMetaTags } from './tracing/getTraceData';
export { bindScopeToEmitter } from './scope/bindScopeToEmitter';
export { extraErrorDataIntegration } from './integrations/extraErrorDataIntegration';
export { captureConsoleIntegration } from './integrations/captureConsoleIntegration';
export { consoleLoggingIntegration } from './integrations/consoleLoggingIntegration';
export { rewriteFramesIntegration } from './integrations/rewriteFramesIntegration';
export { linkedErrorsIntegration } from './integrations/linkedErrorsIntegration';
export { zodErrorsIntegration } from './integrations/zodErrorsIntegration';
export { addFeatureFlag } from './featureFlags/addFeatureFlag';
export { featureFlagsIntegration } from './featureFlags/featureFlagsIntegration';
export {
  buildLaunchDarklyFlagUsedHandler,
  launchDarklyIntegration,
  openFeatureIntegration,
  OpenFeatureIntegrationHook,
} from './featureFlags/openFeatureIntegration';
export { noteInert } from './sentryCompat/noteInert';
export { inertIntegration } from './sentryCompat/inertIntegration';
export {
  functionToStringIntegration,
  growthbookIntegration,
  moduleMetadataIntegration,
  spanStreamingIntegration,
  statsigIntegration,
  supabaseIntegration,
  thirdPartyErrorFilterIntegration,
  unleashIntegration,
} from './sentryCompat/inertIntegrations';
export {
  instrumentSupabaseClient,
  setConversationId,
  setMeasurement,
  withStaticSpan,
  withStreamedSpan,
} from './sentryCompat/inertApi';
export { metrics } from './sentryCompat/metrics';
export { makeMultiplexedTransport } from './sentryCompat/makeMultiplexedTransport';
export {
  chromeStackLineParser,
  defaultStackLineParsers,
  defaultStackParser,
  geckoStackLineParser,
  opera10StackLineParser,
  opera11StackLineParser,
  winjsStackLineParser,
} from './sentryCompat/stackParsers';
export { monotonicNow } from './monotonicNow';
export { flush, close } from './api/lifecycle';
export { logger } from './logs/logger';
export { createConsolaReporter } from './logs/createConsolaReporter';
export { installLogPipeline } from './logs/installLogPipeline';
export { SEVERITY_NUMBER, BREADCRUMB_LEVEL } from './logs/logLevels';
export { resolvePropagationContext } from './tracing/resolvePropagationContext';
export { continueTrace, propagationContextFromHeaders, startNewTrace } from './tracing/continueTrace';
export { getTraceHeaders } from './tracing/getTraceHeaders';
export { shouldPropagateTo } from './tracing/shouldPropagateTo';
export { parseTraceparent, parseSentryTrace } from './tracing/traceHeaders';
export { readHeader } from './tracing/readHeader';
export { createScrubber } from './scrub/createScrubber';
export {
  getClient,
  getCurrentScope,
  getGlobalScope,
  getIsolationScope,
  withIsolationScope,
  withScope,
} from './scope/currentScopes';
export { createScope, Scope } from './scope/createScope';
export { createStackStrategy } from './scope/asyncContext';
export { getCarrier, setAsyncContextStrategy } from './carrier';
export { installOnce } from './installOnce';
export { createClient } from './client/createClient';
export { createUnboundClient } from './client/createUnboundClient';
export { resolveOptions } from './client/resolveOptions';
export { setupIntegrations } from './client/setupIntegrations';
export { addBreadcrumbWith } from './client/addBreadcrumbWith';
export { applyCaptureContext } from './api/resolveCaptureHint';
export { CORE_OPTION_CHECKS } from './options/coreOptionChecks';
export { checkOptionLayers, validateOptions } from './options/validateOptions';
export { integrationOption } from './options/integrationOption';
export { lokiOptionCheck } from './options/lokiOptionCheck';
export { suggestOption } from './options/suggestOption';
export { provideOptionHelp } from './options/optionHelp';
export { eventFromUnknown } from './event/eventFromUnknown';
export { eventFromMessage } from './event/eventFromMessage';
export { parseStackFrames } from './event/parseStackFrames';
export { applyScopeData } from './client/applyScopeData';
export { isError } from './event/isError';
export { forEachFrame } from './event/forEachFrame';
export { normalize } from './normalize/normalize';
export { safeJsonStringify } from './normalize/safeJsonStringify';
export { getEventFingerprint, hashString } from './fingerprint';
export { dedupeIntegration } from './integrations/dedupeIntegration';
export { eventFiltersIntegration, inboundFiltersIntegration } from './integrations/eventFiltersIntegration';
export { parseDsn, dsnToString, getEnvelopeEndpoint } from './dsn';
export { createEventEnvelope } from './envelope/createEventEnvelope';
export { createClientReportEnvelope } from './envelope/createClientReportEnvelope';
export { createDropRecorder } from './client/createDropRecorder';
export { serializeEnvelope } from './envelope/serializeEnvelope';
export { serializeJsonEnvelope } from './envelope/serializeJsonEnvelope';
export { parseEnvelope } from './envelope/parseEnvelope';
export { randomHex, uuid4 } from './uuid4';
export { createTransport } from './transports/createTransport';
export { DEFAULT_QUEUE_LIMITS } from './transports/defaultQueueLimits';
export { getOwnRequestPrefixes } from './transports/getOwnRequestPrefixes';
export { createSentryDestination } from './transports/createSentryDestination';
export { createMultiplexedTransport } from './transports/createMultiplexedTransport';
export { makeDeliveryTransport } from './transports/makeDeliveryTransport';
export { fitEventToSize } from './transports/fitEventToSize';
export { offerToSink } from './transports/offerToSink';
export { createLokiDestination } from './loki/createLokiDestination';
export { validateLokiLabels } from './loki/validateLokiLabels';
export { endSessions, getRequestSessions, getSessionTracker } from './sessions/getSessionTracker';
export { sessionErrorKind } from './sessions/sessionErrorKind';
export { captureSession, endSession, startSession } from './sessions/startSession';
export { debugLogger, isLoggingInternally } from './debugLogger';
export { SDK_VERSION } from './constants';
export { getSdkMetrics } from './metrics/getSdkMetrics';

export type {
  Breadcrumb,
  CaptureContext,
  Contexts,
  DataCategory,
  DebugImage,
  DebugMeta,
  DropReason,
  Dsn,
  ErrorEvent,
  Event,
  EventHint,
  Exception,
  Mechanism,
  Primitive,
  PropagationContext,
  RequestData,
  SdkInfo,
  SeverityLevel,
  StackFrame,
  User,
} from './types';
export type {
  BeforeBreadcrumb,
  BeforeSend,
  BeforeSendLog,
  CaptureLogOptions,
  Client,
  ClientHooks,
  CoreOptions,
  Integration,
  PlatformSettings,
  ResolvedOptions,
  BaseTransportOptions,
  SentryStyleTransportFactory,
  Transport,
  TransportFactory,
  TransportOptions,
  TransportResponse,
} from './client/types';
export type { CaptureContextCallback, CaptureHint } from './api/resolveCaptureHint';
export type { CaptureErrorsOptions, WithFallback } from './api/captureErrors';
export type { Envelope, EnvelopeHeaders, EnvelopeItem, ItemHeaders, ItemType } from './envelope/types';
export type { EventProcessor, ScopeData } from './scope/createScope';
export type { ActiveScopes, AsyncContextStrategy } from './scope/asyncContext';
export type { StormGuardOptions } from './client/createStormGuard';
export type { NormalizeLimits } from './normalize/normalize';
export type { OptionCheck, OptionRepair } from './options/types';
export type { OptionLayer, OptionsCheckResult } from './options/validateOptions';
export type { SentryOnlyOptions } from './options/sentryOnlyOptions';
export type { OptionsReport } from './init';
export type { Carrier } from './carrier';
export type {
  Destination,
  DeliveryClock,
  DeliveryOptions,
  EncodedEnvelope,
  EnvelopeJournal,
  JournalRecord,
  JournalSink,
  ReplayVerdict,
  MakeRequest,
  QueueLimits,
  SentryTransportOptions,
  TransportMakeRequestResponse,
  TransportRequest,
} from './transports/types';
export type { SentryDestinationOptions } from './transports/createSentryDestination';
export type { DeliveryTransportOptions } from './transports/makeDeliveryTransport';
export type { OfferOptions } from './transports/offerToSink';
export type { LokiOptions } from './loki/createLokiDestination';
export type { LogLevel, SerializedLog } from './logs/types';
export type { Logger } from './logs/logger';
export type { HeadersLike } from './tracing/readHeader';
export type { ScrubOptions } from './scrub/types';
export type {
  RequestSessions,
  SessionAggregate,
  SessionAggregates,
  SessionAttributes,
  SessionStartOptions,
  SessionStatus,
  SessionTracker,
  SessionUpdate,
} from './sessions/types';
export type { RequestSessionsOptions } from './sessions/createRequestSessions';
export type {
  DeliveryMetrics,
  DeliveryObserver,
  DestinationMetrics,
  HistogramSnapshot,
  SdkMetrics,
  SdkMetricsState,
  SendOutcome,
  TransportState,
  TransportStats,
} from './metrics/types';
export type {
  Span,
  SpanAttributes,
  SpanAttributeValue,
  SpanContextData,
  SpanJSON,
  SpanLink,
  SpanStatus,
  SpanTimeInput,
  StartSpanOptions,
  StreamedSpanJSON,
} from './spans/types';
export type { CheckIn, MonitorConfig, MonitorSchedule, SerializedCheckIn } from './checkIns/types';
export type { ParameterizedString } from './api/parameterize';
export type { FeedbackParams } from './api/captureFeedback';
export type { TraceData } from './tracing/getTraceData';
export type { SentryTraceData } from './tracing/continueTrace';
export type { EventFiltersOptions } from './integrations/eventFiltersIntegration';
export type { RewriteFramesOptions } from './integrations/rewriteFramesIntegration';
export type { FeatureFlagsIntegration } from './featureFlags/featureFlagsIntegration';
export type { StackLineParser, StackParser } from './sentryCompat/stackParsers';
export type { Scrubber } from './scrub/createScrubber';
