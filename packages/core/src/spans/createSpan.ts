import type { PropagationContext } from '../types';
import { randomHex } from '../uuid4';
import type { Span, SpanAttributes, SpanAttributeValue, SpanContextData, SpanStatus, SpanTimeInput } from './types';

/** Children a span remembers for getSpanDescendants; beyond this a long-lived span forgets the rest. */
const MAX_CHILDREN = 1000;

/** Seconds since the epoch for any of the time forms spans take (now when absent). */
export function spanTimeToSeconds(time: SpanTimeInput | undefined): number {
  if (time === undefined) return Date.now() / 1000;
  if (time instanceof Date) return time.getTime() / 1000;
  if (Array.isArray(time)) return time[0] + time[1] / 1e9;
  // Sentry takes both: a number this large cannot be seconds (it would be the year 2286 or later).
  return time > 9_999_999_999 ? time / 1000 : time;
}

// A class (not a hierarchy) so spans share their methods through the prototype, as scopes do.
class SpanImpl implements Span {
  declare _name: string;
  declare _attributes: SpanAttributes;
  /** The propagation context this span makes current: its trace, its own span id, its parent's. */
  declare _context: PropagationContext;
  /** The propagation context outside every span, which `withActiveSpan(null, …)` goes back to. */
  declare _base: PropagationContext;
  declare _start: number;
  declare _end: number | undefined;
  declare _status: SpanStatus | undefined;
  declare _parent: SpanImpl | undefined;
  declare _children: Set<SpanImpl> | undefined;

  constructor(name: string, context: PropagationContext, base: PropagationContext, attributes: SpanAttributes) {
    this._name = name;
    this._context = context;
    this._base = base;
    this._attributes = attributes;
  }
  spanContext(): SpanContextData {
    return { traceId: this._context.traceId, spanId: this._context.spanId, traceFlags: this._context.sampled ? 1 : 0 };
  }
  end(endTimestamp?: SpanTimeInput): void {
    this._end ??= spanTimeToSeconds(endTimestamp);
  }
  setAttribute(key: string, value: SpanAttributeValue | undefined): this {
    if (value === undefined) delete this._attributes[key];
    else this._attributes[key] = value;
    return this;
  }
  setAttributes(attributes: SpanAttributes): this {
    for (const key of Object.keys(attributes)) this.setAttribute(key, attributes[key]);
    return this;
  }
  setStatus(status: SpanStatus): this {
    this._status = status;
    return this;
  }
  updateName(name: string): this {
    this._name = name;
    return this;
  }
  isRecording(): boolean {
    return false; // nothing about a span is sent: Faultline does not trace
  }
  addEvent(): this {
    return this;
  }
  addLink(): this {
    return this;
  }
  addLinks(): this {
    return this;
  }
  recordException(): void {
    // Span events are not kept; captureException reports the error.
  }
}

/** The internals of a span made here (for spanToJSON and the active-span lookup); undefined for others. */
export function spanInternals(span: unknown): SpanImpl | undefined {
  return span instanceof SpanImpl ? span : undefined;
}

/** The propagation context of any span: ours as made, another SDK's from its `spanContext()`. */
export function contextOfSpan(span: Span): PropagationContext {
  const own = spanInternals(span);
  if (own) return own._context;
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { traceId, spanId, sampled: (traceFlags & 1) === 1 };
}

/**
 * A span under `parent` (the active span's propagation context, or the scope's), in its trace, with its
 * own span id. It keeps the parent's request id and `tracestate`, so what is captured under it keeps them
 * too. `root` leaves out the parent span id (Sentry's `parentSpan: null`).
 */
export function createSpan(
  name: string,
  parent: PropagationContext,
  options: { attributes?: SpanAttributes; op?: string; startTime?: SpanTimeInput; parentSpan?: Span; root?: boolean },
): Span {
  const context: PropagationContext = { ...parent, spanId: randomHex(16) };
  if (options.root) delete context.parentSpanId;
  else context.parentSpanId = parent.spanId;
  const attributes: SpanAttributes = { ...options.attributes };
  if (options.op !== undefined) attributes['sentry.op'] = options.op;
  const parentSpan = options.parentSpan && spanInternals(options.parentSpan);
  const span = new SpanImpl(name, context, parentSpan?._base ?? parent, attributes);
  span._start = spanTimeToSeconds(options.startTime);
  if (parentSpan) {
    span._parent = parentSpan;
    const children = (parentSpan._children ??= new Set());
    if (children.size < MAX_CHILDREN) children.add(span);
  }
  return span;
}
