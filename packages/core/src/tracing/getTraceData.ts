import { getCarrier } from '../carrier';
import type { Client } from '../client/types';
import type { Scope } from '../scope/createScope';
import { contextOfSpan } from '../spans/createSpan';
import type { Span } from '../spans/types';
import { resolvePropagationContext } from './resolvePropagationContext';
import { formatBaggage, formatSentryTrace, formatTraceparent } from './traceHeaders';

/** What `getTraceData` returns: the headers (or `<meta>` tags) that continue the current trace. */
export interface TraceData {
  'sentry-trace'?: string;
  baggage?: string;
  traceparent?: string;
}

/**
 * The current trace as Sentry's `sentry-trace` and `baggage` (plus W3C `traceparent`): for a request
 * Faultline does not instrument, or for the page a server renders. Empty before `init` or when disabled.
 */
export function getTraceData(options: { span?: Span; scope?: Scope; client?: Client } = {}): TraceData {
  try {
    const { strategy, globalScope, client: bound } = getCarrier();
    const client = options.client ?? bound;
    if (!client?.isEnabled()) return {};
    const { scope, isolationScope } = strategy.getScopes();
    const context = options.span
      ? contextOfSpan(options.span)
      : resolvePropagationContext(globalScope, isolationScope, options.scope ?? scope);
    const { release, environment } = client.getOptions();
    return {
      'sentry-trace': formatSentryTrace(context),
      baggage: formatBaggage(context, { publicKey: client.getDsn()?.publicKey, release, environment }),
      traceparent: formatTraceparent(context),
    };
  } catch {
    return {};
  }
}

/** `<meta name="sentry-trace" content="…"/>`, one per entry of the trace data, for a server-rendered page. */
export function getTraceMetaTags(traceData?: TraceData): string {
  return Object.entries(traceData ?? getTraceData())
    .map(([key, value]) => `<meta name="${key}" content="${String(value).replace(/[&"<>]/g, escape)}"/>`)
    .join('');
}

function escape(character: string): string {
  return `&#${character.charCodeAt(0)};`;
}
