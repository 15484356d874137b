import { addBreadcrumb, BREADCRUMB_LEVEL, getClient, SEVERITY_NUMBER, type LogLevel } from '@faultline/core';
import { captureOnce } from '../captureOnce';

export interface BridgedLog {
  level: LogLevel;
  message: string;
  attributes: Record<string, unknown>;
  /** The Error (or rebuilt serialized error) the record carries. */
  error?: unknown;
  /** When the record was written, in ms since the epoch. */
  time?: number;
  source: 'pino' | 'winston' | 'console';
}

export interface BridgeOptions {
  /** Records at or above this level that carry an error become exceptions. Default `error`. */
  errorLevel?: LogLevel;
  /** Send records as structured logs too (default true; console: false). */
  logs?: boolean;
}

/**
 * One record from another logger: an exception when it carries an error at `errorLevel` or above (with
 * the request's earlier lines as its breadcrumbs), then a breadcrumb, then a structured log.
 */
export function bridgeLog(record: BridgedLog, options: BridgeOptions = {}): void {
  const client = getClient();
  if (!client) return;
  try {
    const errorLevel = options.errorLevel ?? 'error';
    if (record.error !== undefined && SEVERITY_NUMBER[record.level] >= SEVERITY_NUMBER[errorLevel]) {
      captureOnce(record.error, { type: record.source, handled: true }, record.level === 'fatal' ? 'fatal' : undefined);
    }
    // After the exception, so the error's own line is not among its breadcrumbs.
    addBreadcrumb({
      category: record.source,
      level: BREADCRUMB_LEVEL[record.level],
      message: record.message,
      ...(hasKeys(record.attributes) ? { data: record.attributes } : {}),
    });
    if (options.logs !== false) {
      client.captureLog(
        record.level,
        record.message,
        { ...record.attributes, 'log.source': record.source },
        {
          breadcrumb: false,
          ...(record.time !== undefined ? { timestamp: record.time / 1000 } : {}),
        },
      );
    }
  } catch {
    // a log call must never fail because of the SDK
  }
}

function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
}
