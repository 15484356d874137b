import { parameterize, templateOf } from '../api/parameterize';
import { getCarrier } from '../carrier';
import { installLogPipeline } from './installLogPipeline';
import type { LogLevel } from './types';

type LogMethod = (message: unknown, attributes?: Record<string, unknown>) => void;

/** Structured logging that shares the error pipeline: scopes, trace ids, scrubbing, delivery. */
export interface Logger {
  trace: LogMethod;
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  fatal: LogMethod;
  /** A logger whose records all carry `attributes` (a call's own attributes win). */
  child(attributes: Record<string, unknown>): Logger;
  /**
   * Sentry's template tag for log messages: `logger.info(logger.fmt\`Order ${id} paid\`)` sends the text,
   * plus `sentry.message.template` and one `sentry.message.parameter.<n>` attribute per value.
   */
  fmt: typeof parameterize;
}

/* @__NO_SIDE_EFFECTS__ */
function createLogger(bound: Record<string, unknown> | undefined): Logger {
  const method =
    (level: LogLevel): LogMethod =>
    (message, attributes) => {
      try {
        installLogPipeline();
        let merged = bound ? { ...bound, ...attributes } : attributes;
        const parameterized = templateOf(message);
        if (parameterized) {
          merged = { ...merged, 'sentry.message.template': parameterized.template };
          parameterized.values.forEach((value, i) => (merged![`sentry.message.parameter.${i}`] = value));
        }
        getCarrier().client?.captureLog(level, parameterized ? String(message) : message, merged);
      } catch {
        // logging must never throw into the app
      }
    };
  return {
    trace: method('trace'),
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    fatal: method('fatal'),
    child: (attributes) => createLogger({ ...bound, ...attributes }),
    fmt: parameterize,
  };
}

/**
 * `logger.info('Order placed', { order_id, total })`: a structured log with the current trace and request
 * ids, sent as a Sentry log item and a Loki line. A no-op before `init`.
 */
export const logger: Logger = /* @__PURE__ */ createLogger(undefined);
