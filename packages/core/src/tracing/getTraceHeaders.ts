import { getCarrier } from '../carrier';
import { resolvePropagationContext } from './resolvePropagationContext';
import { formatBaggage, formatSentryTrace, formatTraceparent } from './traceHeaders';

/**
 * Headers for an outgoing request that continue the current trace: `traceparent` (and `tracestate` as
 * received), `x-request-id` when the trace has one, and `sentry-trace` + `baggage` with the
 * `propagateSentryTrace` option. Platforms add them only for `tracePropagationTargets`.
 */
export function getTraceHeaders(): Record<string, string> {
  const { strategy, globalScope, client } = getCarrier();
  const { scope, isolationScope } = strategy.getScopes();
  const context = resolvePropagationContext(globalScope, isolationScope, scope);
  const headers: Record<string, string> = { traceparent: formatTraceparent(context) };
  if (context.tracestate) headers.tracestate = context.tracestate;
  if (context.requestId) headers['x-request-id'] = context.requestId;
  const options = client?.getOptions();
  if (options?.propagateSentryTrace) {
    headers['sentry-trace'] = formatSentryTrace(context);
    headers.baggage = formatBaggage(context, {
      publicKey: client?.getDsn()?.publicKey,
      release: options.release,
      environment: options.environment,
    });
  }
  return headers;
}
