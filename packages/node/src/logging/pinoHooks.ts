import { getCarrier, resolvePropagationContext, type LogLevel } from '@faultline/core';
import { bridgeLog, type BridgeOptions } from './bridgeLog';
import { levelFromPino } from './logLevels';
import { rebuildError } from './rebuildError';

type LogMethod = (this: unknown, ...args: unknown[]) => void;

/**
 * The in-process pino bridge: `pino({ hooks: faultlinePinoHooks() })`. Runs at the call site, so it sees
 * the request's own scope: each record becomes a breadcrumb and a log with that request's trace and
 * request ids, and `logger.error({ err })` an exception with the request's earlier lines. Costs the
 * calling thread more than the worker transport; pick it when records must join the request's events.
 */
export function faultlinePinoHooks(options: BridgeOptions & { minLevel?: LogLevel } = {}): {
  logMethod(this: unknown, args: unknown[], method: LogMethod, level: number): void;
} {
  return {
    logMethod(args, method, level) {
      try {
        const [first, second] = args;
        const fields = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : undefined;
        const message = typeof first === 'string' ? first : typeof second === 'string' ? second : '';
        const error = fields && (rebuildError(fields) ?? rebuildError(fields.err) ?? rebuildError(fields.error));
        const attributes: Record<string, unknown> = {};
        if (fields && !(first instanceof Error)) {
          for (const key in fields) if (key !== 'err' && key !== 'error') attributes[key] = fields[key];
        }
        bridgeLog(
          {
            level: levelFromPino(level),
            message: message || (error ? String((error as Error).message) : ''),
            attributes,
            error,
            source: 'pino',
          },
          options,
        );
      } catch {
        // never in the way of the log call
      }
      method.apply(this, args);
    },
  };
}

/**
 * For the worker transport: `pino({ mixin: faultlinePinoMixin(), transport: { target: '@faultline/node/pino' } })`
 * stamps each line with the caller's trace, span and request ids, so the worker can join them.
 */
export function faultlinePinoMixin(): () => Record<string, string> {
  return () => {
    const { strategy, globalScope } = getCarrier();
    const { scope, isolationScope } = strategy.getScopes();
    const context = resolvePropagationContext(globalScope, isolationScope, scope);
    const ids: Record<string, string> = { trace_id: context.traceId, span_id: context.spanId };
    if (context.requestId) ids.request_id = context.requestId;
    return ids;
  };
}
