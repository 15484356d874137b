import {
  captureException,
  flush,
  getClient,
  withScope,
  type Breadcrumb,
  type PropagationContext,
} from '@faultline/core';
import { init } from '../init';
import type { NodeOptions } from '../nodeOptions';
import { levelFromPino } from './logLevels';
import { rebuildError } from './rebuildError';

export interface PinoWorkerOptions extends NodeOptions {
  /** Records at or above this pino level that carry an error become exceptions. Default 50 (error). */
  errorLevel?: number;
}

const PINO_FIELDS = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'err',
  'error',
  'trace_id',
  'span_id',
  'request_id',
  'v',
]);
const MAX_REQUESTS = 1000;
const MAX_LINES = 100;

/**
 * In pino's worker there are no request scopes: lines carry the caller's ids (`faultlinePinoMixin`),
 * and the worker keeps each request's recent lines, so an exception still gets exactly its own
 * request's earlier lines as breadcrumbs.
 */
export function createPinoWorkerBridge(options: PinoWorkerOptions) {
  if (!getClient()) init({ ...options, integrations: (defaults) => defaults.filter((i) => i.name !== 'HttpServer') });
  const errorLevel = options.errorLevel ?? 50;
  const linesByRequest = new Map<string, Breadcrumb[]>();

  const linesOf = (requestId: string): Breadcrumb[] => {
    let lines = linesByRequest.get(requestId);
    if (!lines) {
      if (linesByRequest.size >= MAX_REQUESTS) linesByRequest.delete(linesByRequest.keys().next().value as string);
      linesByRequest.set(requestId, (lines = []));
    }
    return lines;
  };

  return {
    handle(record: Record<string, unknown>): void {
      try {
        const level = levelFromPino(Number(record.level ?? 30));
        const message = typeof record.msg === 'string' ? record.msg : '';
        const attributes: Record<string, unknown> = {};
        for (const key in record) if (!PINO_FIELDS.has(key)) attributes[key] = record[key];
        const requestId = typeof record.request_id === 'string' ? record.request_id : undefined;
        const time = typeof record.time === 'number' ? record.time : Date.now();
        const lines = requestId ? linesOf(requestId) : [];
        const error = rebuildError(record.err) ?? rebuildError(record.error);
        withScope((scope) => {
          if (typeof record.trace_id === 'string' && typeof record.span_id === 'string') {
            const context: PropagationContext = { traceId: record.trace_id, spanId: record.span_id };
            if (requestId) context.requestId = requestId;
            scope.setPropagationContext(context);
          }
          if (error !== undefined && Number(record.level) >= errorLevel) {
            // This scope is a fork for this record only: the request's earlier lines become its breadcrumbs.
            for (const line of lines) scope.addBreadcrumb(line, MAX_LINES);
            captureException(error, {
              mechanism: { type: 'pino', handled: true },
              ...(level === 'fatal' ? { level: 'fatal' } : {}),
            });
          }
          getClient()?.captureLog(
            level,
            message,
            { ...attributes, 'log.source': 'pino' },
            { breadcrumb: false, timestamp: time / 1000 },
          );
        });
        const line: Breadcrumb = {
          category: 'pino',
          level: level === 'warn' ? 'warning' : level === 'trace' ? 'debug' : level,
          message,
          data: attributes,
          timestamp: time / 1000,
        };
        if (requestId) {
          lines.push(line);
          if (lines.length > MAX_LINES) lines.shift();
        }
      } catch {
        // one bad line must not stop the transport
      }
    },
    close: async (): Promise<void> => {
      await flush(options.shutdownTimeout ?? 2000);
    },
  };
}
