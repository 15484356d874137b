import { currentLogContext } from './currentLogContext';

/**
 * Stamps every line with the caller's trace id and request id:
 * `pino({ mixin: faultlinePinoMixin(), transport: { target: '@faultline/node/pino' } })`.
 * `faultlinePinoContext` gives the worker the same join for less (the ids once per change of request,
 * not on every line); the mixin is for when every line, in every target, should carry the ids.
 */
export function faultlinePinoMixin(): () => { trace_id: string; request_id?: string } {
  return () => {
    const context = currentLogContext();
    return context.requestId
      ? { trace_id: context.traceId, request_id: context.requestId }
      : { trace_id: context.traceId };
  };
}
