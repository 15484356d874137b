export { init, initAndBind, getCoreDefaultIntegrations } from './init';
export { captureException, captureMessage, captureEvent, lastEventId } from './api/capture';
export { captureErrors } from './api/captureErrors';
export { markCaptured } from './api/markCaptured';
export { addBreadcrumb, setUser, setTag, setTags, setContext, setExtra, setExtras } from './api/scopeSetters';
export { flush, close } from './api/lifecycle';
export { logger } from './logs/logger';
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
export { createScope } from './scope/createScope';
export { createStackStrategy } from './scope/asyncContext';
export { getCarrier, setAsyncContextStrategy } from './carrier';
export { installOnce } from './installOnce';
export { createClient } from './client/createClient';
export { resolveOptions } from './client/resolveOptions';
export { CORE_OPTION_CHECKS } from './options/coreOptionChecks';
export { checkOptionLayers, validateOptions } from './options/validateOptions';
export { lokiOptionCheck } from './options/lokiOptionCheck';
export { suggestOption } from './options/suggestOption';
export { eventFromUnknown } from './event/eventFromUnknown';
export { eventFromMessage } from './event/eventFromMessage';
export { parseStackFrames } from './event/parseStackFrames';
export { isError } from './event/isError';
export { forEachFrame } from './event/forEachFrame';
export { normalize } from './normalize/normalize';
export { safeJsonStringify } from './normalize/safeJsonStringify';
export { getEventFingerprint, hashString } from './fingerprint';
export { dedupeIntegration } from './integrations/dedupeIntegration';
export { eventFiltersIntegration } from './integrations/eventFiltersIntegration';
export { parseDsn, dsnToString, getEnvelopeEndpoint } from './dsn';
export { createEventEnvelope } from './envelope/createEventEnvelope';
export { createClientReportEnvelope } from './envelope/createClientReportEnvelope';
export { serializeEnvelope } from './envelope/serializeEnvelope';
export { parseEnvelope } from './envelope/parseEnvelope';
export { randomHex, uuid4 } from './uuid4';
export { createTransport, DEFAULT_QUEUE_LIMITS } from './transports/createTransport';
export { getOwnRequestPrefixes } from './transports/getOwnRequestPrefixes';
export { createSentryDestination } from './transports/createSentryDestination';
export { createMultiplexedTransport } from './transports/createMultiplexedTransport';
export { makeDeliveryTransport } from './transports/makeDeliveryTransport';
export { fitEventToSize } from './transports/fitEventToSize';
export { createLokiDestination } from './loki/createLokiDestination';
export { validateLokiLabels } from './loki/validateLokiLabels';
export { endSessions, getRequestSessions, getSessionTracker } from './sessions/getSessionTracker';
export { debugLogger, isLoggingInternally } from './debugLogger';
export { SDK_VERSION } from './constants';

export type {
  Breadcrumb,
  CaptureContext,
  Contexts,
  DataCategory,
  DebugImage,
  DebugMeta,
  DropReason,
  Dsn,
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
  Transport,
  TransportFactory,
  TransportOptions,
  TransportResponse,
} from './client/types';
export type { CaptureContextCallback, CaptureHint } from './api/resolveCaptureHint';
export type { CaptureErrorsOptions, WithFallback } from './api/captureErrors';
export type { Envelope, EnvelopeHeaders, EnvelopeItem, ItemHeaders, ItemType } from './envelope/types';
export type { Scope, ScopeData } from './scope/createScope';
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
  DeliveryOptions,
  EncodedEnvelope,
  EnvelopeJournal,
  JournalRecord,
  JournalSink,
  MakeRequest,
  QueueLimits,
  SentryTransportOptions,
  TransportMakeRequestResponse,
  TransportRequest,
} from './transports/types';
export type { SentryDestinationOptions } from './transports/createSentryDestination';
export type { DeliveryTransportOptions } from './transports/makeDeliveryTransport';
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
export type { Scrubber } from './scrub/createScrubber';
