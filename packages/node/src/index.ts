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
export {
  addBreadcrumb,
  captureErrors,
  captureEvent,
  captureException,
  captureMessage,
  close,
  continueTrace,
  createLokiDestination,
  dedupeIntegration,
  eventFiltersIntegration,
  flush,
  getClient,
  getCurrentScope,
  getGlobalScope,
  getIsolationScope,
  getTraceHeaders,
  lastEventId,
  logger,
  setContext,
  setExtra,
  setExtras,
  setTag,
  setTags,
  serializeEnvelope,
  setUser,
  withIsolationScope,
  withScope,
} from '@faultline/core';

export { NODE_OPTION_CHECKS } from './nodeOptions';
export type { NodeOptions } from './nodeOptions';
export type { FileJournalOptions } from './transports/createFileJournal';
export type { BridgeOptions } from './logging/bridgeLog';
export type { PinoDestination } from './logging/faultlinePinoDestination';
export type { PinoWorkerOptions } from './logging/createPinoWorkerBridge';
export type { TunnelOptions, TunnelRequest, TunnelResponse } from './createTunnelHandler';
export type { ProcessHandlersOptions, UnhandledRejectionMode } from './integrations/processHandlersIntegration';
export type {
  Breadcrumb,
  CaptureContext,
  CaptureContextCallback,
  CaptureErrorsOptions,
  CaptureHint,
  Client,
  Event,
  EventHint,
  Integration,
  LokiOptions,
  Scope,
  SeverityLevel,
  User,
} from '@faultline/core';
