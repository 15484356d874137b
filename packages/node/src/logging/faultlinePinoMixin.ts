import { getCarrier, resolvePropagationContext } from '@faultline/core';

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
