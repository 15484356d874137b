import { getClient } from '../scope/currentScopes';
import { formatBaggage, formatSentryTrace } from '../tracing/traceHeaders';
import { contextOfSpan, spanInternals } from './createSpan';
import type { Span, SpanJSON, StreamedSpanJSON } from './types';

const STATUS_NAMES = ['unset', 'ok'] as const;

/** Sentry's static JSON form of a span: ids, description (its name), op, attributes, times and status. */
export function spanToStaticSpanJSON(span: Span): SpanJSON {
  const context = contextOfSpan(span);
  const own = spanInternals(span);
  const json: SpanJSON = { span_id: context.spanId, trace_id: context.traceId, data: {}, start_timestamp: 0 };
  if (context.parentSpanId) json.parent_span_id = context.parentSpanId;
  if (!own) return json;
  json.data = { ...own._attributes };
  json.description = own._name;
  json.start_timestamp = own._start;
  const op = own._attributes['sentry.op'];
  if (typeof op === 'string') json.op = op;
  const origin = own._attributes['sentry.origin'];
  json.origin = typeof origin === 'string' ? origin : 'manual';
  if (own._end !== undefined) json.timestamp = own._end;
  const status = own._status;
  if (status) json.status = status.code === 2 ? (status.message ?? 'unknown_error') : STATUS_NAMES[status.code];
  return json;
}

/** A span as JSON: the static form's fields plus Sentry 11's (`name`, `attributes`, `end_timestamp`, `is_segment`). */
export function spanToJSON(span: Span): StreamedSpanJSON {
  const json = spanToStaticSpanJSON(span);
  return {
    ...json,
    name: json.description ?? '',
    attributes: json.data,
    ...(json.timestamp !== undefined ? { end_timestamp: json.timestamp } : {}),
    is_segment: getRootSpan(span) === span,
  };
}

/** `sentry-trace` for a span: `<trace_id>-<span_id>[-<sampled>]`. */
export function spanToTraceHeader(span: Span): string {
  return formatSentryTrace(contextOfSpan(span));
}

/** `baggage` for a span: its trace id and the client's public key, release and environment. */
export function spanToBaggageHeader(span: Span): string | undefined {
  const client = getClient();
  const options = client?.getOptions();
  return formatBaggage(contextOfSpan(span), {
    publicKey: client?.getDsn()?.publicKey,
    release: options?.release,
    environment: options?.environment,
  });
}

/** The span at the top of `span`'s chain of parents (itself when it has none). */
export function getRootSpan(span: Span): Span {
  let current = spanInternals(span);
  while (current?._parent) current = current._parent;
  return current ?? span;
}

/** `span` and every span started under it (as far as each remembers its children), `span` first. */
export function getSpanDescendants(span: Span): Span[] {
  const found = new Set<Span>([span]);
  for (const next of found) for (const child of spanInternals(next)?._children ?? []) found.add(child);
  return [...found];
}

/** Renames a span (Sentry's name for `span.updateName`). */
export function updateSpanName(span: Span, name: string): void {
  span.updateName(name);
}
