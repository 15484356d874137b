import { getCarrier } from '../carrier';
import { createPropagationContext } from '../propagationContext';
import { withScope } from '../scope/currentScopes';
import { truncate } from '../normalize/safeString';
import type { PropagationContext } from '../types';
import { randomHex } from '../uuid4';
import { readHeader, type HeadersLike } from './readHeader';
import { parseSentryTrace, parseTraceparent } from './traceHeaders';

// A request id is an opaque token from a proxy or caller: accept the usual characters, bounded.
const REQUEST_ID = /^[\w.:@/+=-]{1,200}$/;

/**
 * The propagation context an incoming request asks for: W3C `traceparent` (with `tracestate`) first,
 * then `sentry-trace`, else a new trace; `X-Request-Id` (or `X-Correlation-Id`) as the request id.
 */
export function propagationContextFromHeaders(headers: HeadersLike | undefined): PropagationContext {
  const incoming =
    parseTraceparent(readHeader(headers, 'traceparent')) ?? parseSentryTrace(readHeader(headers, 'sentry-trace'));
  const context: PropagationContext = incoming
    ? {
        traceId: incoming.traceId,
        parentSpanId: incoming.parentSpanId,
        spanId: randomHex(16),
        sampled: incoming.sampled,
      }
    : createPropagationContext();
  const tracestate = incoming && readHeader(headers, 'tracestate');
  if (tracestate) context.tracestate = truncate(tracestate, 512);
  const requestId = readHeader(headers, 'x-request-id') ?? readHeader(headers, 'x-correlation-id');
  if (requestId && REQUEST_ID.test(requestId)) context.requestId = requestId;
  return context;
}

/**
 * Runs `callback` in a scope that continues the trace of the incoming `headers`, so every event and log
 * captured inside carries that trace id and request id, and `getTraceHeaders()` passes them on.
 */
export function continueTrace<T>(headers: HeadersLike | undefined, callback: () => T): T {
  return withScope((scope) => {
    scope.setPropagationContext(propagationContextFromHeaders(headers));
    return callback();
  });
}

/** Starts a new trace on the isolation scope (a new page, a new job). */
export function startNewTrace(requestId?: string): PropagationContext {
  const context: PropagationContext = { ...createPropagationContext(), ...(requestId ? { requestId } : {}) };
  getCarrier().strategy.getScopes().isolationScope.setPropagationContext(context);
  return context;
}
