import type { PropagationContext } from '../types';

const TRACEPARENT = /^[ \t]*([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?[ \t]*$/;
const SENTRY_TRACE = /^[ \t]*([0-9a-f]{32})-([0-9a-f]{16})(?:-([01]))?[ \t]*$/;
const ZERO_TRACE = /^0+$/;

export interface IncomingTrace {
  traceId: string;
  parentSpanId: string;
  sampled?: boolean;
}

/** Parses a W3C `traceparent` (version 00, or later versions read as 00); undefined when invalid. */
export function parseTraceparent(header: string | undefined): IncomingTrace | undefined {
  const match = header === undefined ? null : TRACEPARENT.exec(header.toLowerCase());
  if (!match) return undefined;
  const [, version, traceId, parentSpanId, flags] = match;
  if (version === 'ff' || ZERO_TRACE.test(traceId!) || ZERO_TRACE.test(parentSpanId!)) return undefined;
  return { traceId: traceId!, parentSpanId: parentSpanId!, sampled: (Number.parseInt(flags!, 16) & 1) === 1 };
}

/** Parses Sentry's `sentry-trace: <trace_id>-<span_id>[-<sampled>]`. */
export function parseSentryTrace(header: string | undefined): IncomingTrace | undefined {
  const match = header === undefined ? null : SENTRY_TRACE.exec(header.toLowerCase());
  if (!match) return undefined;
  const [, traceId, parentSpanId, sampled] = match;
  return {
    traceId: traceId!,
    parentSpanId: parentSpanId!,
    sampled: sampled === undefined ? undefined : sampled === '1',
  };
}

/** `traceparent` for an outgoing request: the current span becomes the callee's parent. */
export function formatTraceparent(context: PropagationContext): string {
  return `00-${context.traceId}-${context.spanId}-${context.sampled ? '01' : '00'}`;
}

export function formatSentryTrace(context: PropagationContext): string {
  const sampled = context.sampled === undefined ? '' : context.sampled ? '-1' : '-0';
  return `${context.traceId}-${context.spanId}${sampled}`;
}

/** Sentry's dynamic sampling context as `baggage` entries. */
export function formatBaggage(
  context: PropagationContext,
  fields: { publicKey?: string; release?: string; environment?: string },
): string {
  const entries: [string, string | undefined][] = [
    ['sentry-trace_id', context.traceId],
    ['sentry-public_key', fields.publicKey],
    ['sentry-release', fields.release],
    ['sentry-environment', fields.environment],
    ['sentry-sampled', context.sampled === undefined ? undefined : String(context.sampled)],
  ];
  return entries
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
    .join(',');
}
