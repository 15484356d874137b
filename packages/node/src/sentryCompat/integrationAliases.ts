import { type Integration } from '@faultline/core';
import { consoleIntegration } from '../integrations/consoleIntegration';
import { httpClientIntegration } from '../integrations/httpClientIntegration';
import { httpServerIntegration } from '../integrations/httpServerIntegration';
import { processHandlersIntegration, type UnhandledRejectionMode } from '../integrations/processHandlersIntegration';

// Sentry's integration factories whose work a Faultline integration does: each returns that integration,
// under its Faultline name, so it replaces the default of that name as Sentry's replaces its own.

/**
 * Sentry's `httpIntegration()`: incoming requests, each in its own isolation scope with its request data
 * and continued trace — Faultline's `httpServerIntegration` (outgoing requests are `httpClientIntegration`,
 * on by default). Its span options are accepted and ignored.
 */
export function httpIntegration(_options: object = {}): Integration {
  return httpServerIntegration();
}

/** Sentry's `nativeNodeFetchIntegration()`: outgoing `fetch` breadcrumbs and trace headers — `httpClientIntegration`. */
export function nativeNodeFetchIntegration(_options: object = {}): Integration {
  return httpClientIntegration();
}

/** Sentry's `consoleLoggingIntegration()`: console calls sent as structured logs — `consoleIntegration({ logs: true })`. */
export function consoleLoggingIntegration(_options: { levels?: string[] } = {}): Integration {
  return consoleIntegration({ logs: true });
}

/** Sentry's `onUncaughtExceptionIntegration({ onFatalError })` — `processHandlersIntegration({ onFatalError })`. */
export function onUncaughtExceptionIntegration(
  options: { onFatalError?: (error: Error) => void; exitEvenIfOtherHandlersAreRegistered?: boolean } = {},
): Integration {
  return processHandlersIntegration({ onFatalError: options.onFatalError as ((error: unknown) => void) | undefined });
}

/** Sentry's `onUnhandledRejectionIntegration({ mode })` — `processHandlersIntegration({ unhandledRejection: mode })`. */
export function onUnhandledRejectionIntegration(options: { mode?: UnhandledRejectionMode } = {}): Integration {
  return processHandlersIntegration({ unhandledRejection: options.mode });
}
