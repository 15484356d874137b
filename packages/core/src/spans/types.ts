import type { Scope } from '../scope/createScope';

/** A span attribute, as in Sentry and OpenTelemetry. */
export type SpanAttributeValue =
  | string
  | number
  | boolean
  | Array<null | undefined | string>
  | Array<null | undefined | number>
  | Array<null | undefined | boolean>;

export type SpanAttributes = Record<string, SpanAttributeValue | undefined>;

/** Seconds since the epoch, milliseconds since the epoch (a number over 10^10 is read as ms), a Date, or an HrTime. */
export type SpanTimeInput = number | Date | [number, number];

/** 0 unset, 1 ok, 2 error; `message` a Sentry status such as `not_found` or `internal_error`. */
export interface SpanStatus {
  code: 0 | 1 | 2;
  message?: string;
}

/** What identifies a span on the wire: the trace it belongs to and its own id. */
export interface SpanContextData {
  traceId: string;
  spanId: string;
  isRemote?: boolean;
  /** 1 when the trace is sampled, else 0. */
  traceFlags: number;
}

export interface SpanLink {
  context: SpanContextData;
  attributes?: SpanAttributes;
}

/**
 * Sentry's span interface. Faultline does not send spans (tracing is a non-goal): a span carries the
 * current trace id and its own span id, so events and logs captured while it is active carry them, and
 * outgoing requests continue the trace from it. `isRecording()` is false.
 */
export interface Span {
  spanContext(): SpanContextData;
  end(endTimestamp?: SpanTimeInput): void;
  setAttribute(key: string, value: SpanAttributeValue | undefined): this;
  setAttributes(attributes: SpanAttributes): this;
  setStatus(status: SpanStatus): this;
  updateName(name: string): this;
  isRecording(): boolean;
  addEvent(name: string, attributesOrStartTime?: SpanAttributes | SpanTimeInput, startTime?: SpanTimeInput): this;
  addLink(link: SpanLink): this;
  addLinks(links: SpanLink[]): this;
  recordException(exception: unknown, time?: SpanTimeInput): void;
}

/** What `startSpan` and friends take. */
export interface StartSpanOptions {
  name: string;
  op?: string;
  attributes?: SpanAttributes;
  startTime?: SpanTimeInput;
  /** The scope to fork for the span (default: the current one). */
  scope?: Scope;
  /** The parent; `null` starts a root span (in the same trace). */
  parentSpan?: Span | null;
  /** Without a parent span, do nothing but run the callback (the span passed to it is not recorded). */
  onlyIfParent?: boolean;
  forceTransaction?: boolean;
  links?: SpanLink[];
  experimental?: { standalone?: boolean };
}

/** Sentry's JSON form of a span (`spanToStaticSpanJSON`; `@sentry/node` 10's `spanToJSON`). */
export interface SpanJSON {
  data: SpanAttributes;
  description?: string;
  op?: string;
  parent_span_id?: string;
  span_id: string;
  start_timestamp: number;
  status?: string;
  timestamp?: number;
  trace_id: string;
  origin?: string;
}

/** `spanToJSON`'s form: Sentry 11's streamed-span fields next to the static ones, so either reader finds its own. */
export interface StreamedSpanJSON extends SpanJSON {
  name: string;
  attributes: SpanAttributes;
  end_timestamp?: number;
  is_segment: boolean;
}
