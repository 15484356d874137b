import {
  captureException,
  flush,
  getClient,
  installLogPipeline,
  randomHex,
  withScope,
  type Breadcrumb,
  type PropagationContext,
} from '@faultline/core';
import { init } from '../init';
import { CONTEXT_STAMP_KEY } from './faultlinePinoContext';
import type { NodeOptions } from '../nodeOptions';
import { pinoRecord } from './pinoRecord';

export interface PinoWorkerOptions extends NodeOptions {
  /** Records at or above this pino level that carry an error become exceptions. Default 50 (error). */
  errorLevel?: number;
  /** Set by pino for its worker targets. */
  $context?: unknown;
  /** Set by pino for its worker targets. */
  pinoWillSendConfig?: unknown;
}

const MAX_REQUESTS = 1000;
const MAX_LINES = 100;

interface LineIds {
  traceId?: string;
  spanId?: string;
  requestId?: string;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The ids a stamp (`faultlinePinoContext`) carries, or undefined when the line has none. */
function readStamp(record: Record<string, unknown>): LineIds | undefined {
  const stamp = record[CONTEXT_STAMP_KEY] as Record<string, unknown> | undefined;
  if (typeof stamp !== 'object' || stamp === null || typeof stamp.trace_id !== 'string') return undefined;
  return { traceId: stamp.trace_id, requestId: asString(stamp.request_id) };
}

/**
 * In pino's worker there are no request scopes: the caller's ids come with the lines, either as a stamp
 * on the first line after each change (`faultlinePinoContext`; it holds for the lines that follow) or
 * on every line (`faultlinePinoMixin`). The worker keeps each request's recent lines, so an exception
 * still gets exactly its own request's earlier lines as breadcrumbs.
 */
export function createPinoWorkerBridge(options: PinoWorkerOptions) {
  installLogPipeline();
  // pino adds `$context` and `pinoWillSendConfig` to a target's options; they and errorLevel are not init's.
  const { errorLevel: _level, $context: _context, pinoWillSendConfig: _config, ...nodeOptions } = options;
  if (!getClient()) {
    init({ ...nodeOptions, integrations: (defaults) => defaults.filter((i) => i.name !== 'HttpServer') });
  }
  const errorLevel = options.errorLevel ?? 50;
  const linesByRequest = new Map<string, Breadcrumb[]>();
  // What the last stamp said; the stream is in order, so it holds until the next one.
  let stamped: LineIds = {};

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
        const { level, message, attributes, error, time = Date.now() } = pinoRecord(record);
        stamped = readStamp(record) ?? stamped;
        const ids: LineIds =
          typeof record.trace_id === 'string'
            ? { traceId: record.trace_id, spanId: asString(record.span_id), requestId: asString(record.request_id) }
            : stamped;
        const { traceId, requestId } = ids;
        const lines = requestId ? linesOf(requestId) : [];
        withScope((scope) => {
          if (traceId) {
            // Callers leave span ids out (each key costs the calling thread); without spans, any id will do.
            const context: PropagationContext = { traceId, spanId: ids.spanId ?? randomHex(16) };
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
