export { init } from './init';
export { getDefaultIntegrations } from './getDefaultIntegrations';
export { makeFetchTransport, sendBeacon } from './transports/makeFetchTransport';
export { createIndexedDbJournal } from './transports/createIndexedDbJournal';
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
export {
  addBreadcrumb,
  captureErrors,
  captureEvent,
  captureException,
  captureMessage,
  close,
  continueTrace,
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
  setUser,
  withIsolationScope,
  withScope,
} from '@faultline/core';

export type { BrowserOptions } from './browserOptions';
export type {
  Breadcrumb,
  CaptureContext,
  CaptureContextCallback,
  CaptureErrorsOptions,
  CaptureHint,
  Client,
  DebugImage,
  Event,
  EventHint,
  Integration,
  LokiOptions,
  Scope,
  SeverityLevel,
  User,
} from '@faultline/core';
