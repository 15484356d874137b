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
export function continueTrace<T>(headers: HeadersLike | SentryTraceData | undefined, callback: () => T): T {
  return withScope((scope) => {
    scope.setPropagationContext(propagationContextFromHeaders(asHeaders(headers)));
    return callback();
  });
}

/** Sentry's form of what `continueTrace` continues: the incoming `sentry-trace` and `baggage` values. */
export interface SentryTraceData {
  sentryTrace?: string | string[];
  baggage?: string | string[];
}

function asHeaders(headers: HeadersLike | SentryTraceData | undefined): HeadersLike | undefined {
  const data = headers as SentryTraceData | undefined;
  if (!data || typeof data !== 'object' || !('sentryTrace' in data || 'baggage' in data)) {
    return headers as HeadersLike | undefined;
  }
  return { 'sentry-trace': data.sentryTrace, baggage: data.baggage };
}

/**
 * Starts a new trace. With a callback (Sentry's form), runs it in a new trace and returns what it
 * returns; without one, puts a new trace on the isolation scope (a new page, a new job) and returns it.
 */
export function startNewTrace<T>(callback: () => T): T;
export function startNewTrace(requestId?: string): PropagationContext;
export function startNewTrace<T>(callbackOrRequestId?: (() => T) | string): T | PropagationContext {
  const { strategy } = getCarrier();
  const active = strategy.getScopes();
  if (typeof callbackOrRequestId === 'function') {
    // Not withScope: a page that only starts its trace (browser init) carries no withScope for it.
    const scope = active.scope.clone().setPropagationContext(createPropagationContext());
    return strategy.runWith({ scope, isolationScope: active.isolationScope }, callbackOrRequestId);
  }
  const requestId = callbackOrRequestId;
  const context: PropagationContext = { ...createPropagationContext(), ...(requestId ? { requestId } : {}) };
  active.isolationScope.setPropagationContext(context);
  return context;
}
