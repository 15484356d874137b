import {
  applyScopeData,
  parseStackFrames,
  type Event,
  type EventHint,
  type Exception,
  type PlatformSettings,
  type ScopeData,
  type SeverityLevel,
  type StackFrame,
} from '@faultline/core';
import { ERROR_MARK, type StoredRecord } from './storedRecord';
import type { EntryOptions } from './types';

type Plain = Record<string, unknown>;

/** Causes followed per error: the pipeline's LinkedErrors sends up to ten exceptions. */
const MAX_CHAIN = 10;

/** An event built in the entry, and the hint the pipeline would have given its processors. */
export interface BeaconEvent {
  event: Event;
  hint: EventHint;
}

/**
 * The event a kept (and already scrubbed) capture becomes without the pipeline, for a beacon as the page
 * goes away: the thrown error and its causes (type, message, frames parsed from the stack) or the message,
 * the options' release, environment and dist, and the scopes as they were when the call was made. Less than
 * the pipeline builds — no error's own properties, no size fitting — and nothing it would not send.
 * Undefined for a record that is not an error or message event (logs, raw envelopes stay kept).
 */
export function beaconEvent(
  record: StoredRecord,
  options: EntryOptions,
  platform: Pick<PlatformSettings, 'platform' | 'sdk'>,
): BeaconEvent | undefined {
  const [first, second, third] = record.args;
  let event: Event;
  let hint: EventHint;
  if (record.kind === 'captureException') {
    hint = (second ?? {}) as EventHint;
    event = { exception: { values: exceptions(first, hint, options.maxValueLength) } };
  } else if (record.kind === 'captureMessage') {
    hint = (third ?? {}) as EventHint;
    const message = cut(String(first), options.maxValueLength);
    event = { message, level: (second as SeverityLevel | undefined) ?? 'info' };
    const frames = framesOf(hint.syntheticException);
    if (frames) event.exception = { values: [{ type: 'Error', value: message, stacktrace: { frames } }] };
  } else if (record.kind === 'captureEvent') {
    hint = (second ?? {}) as EventHint;
    event = { ...(first as Event) };
  } else {
    return undefined;
  }
  const eventId = hint.event_id;
  if (typeof eventId !== 'string') return undefined;
  event.event_id = eventId;
  event.timestamp ??= record.time / 1000;
  event.platform ??= platform.platform;
  event.level ??= 'error';
  if (options.release !== undefined) event.release ??= options.release;
  event.environment ??= options.environment;
  if (options.dist !== undefined) event.dist ??= options.dist;
  event.sdk = { ...platform.sdk, integrations: options.integrations.map((integration) => integration.name) };
  applyScopeData(event, record.scopes as ScopeData[], options.maxBreadcrumbs);
  const [global, isolation, current] = record.scopes;
  const trace = current.propagationContext ?? isolation.propagationContext ?? global.propagationContext;
  if (trace) (event.contexts ??= {}).trace ??= { trace_id: trace.traceId, span_id: trace.spanId };
  return { event, hint };
}

/** A value cut to `maxValueLength`, as the pipeline cuts it (a longer one would make the beacon refused, then lost). */
const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max)}…`);

/** The thrown value and its causes, outermost last as Sentry orders them; a non-Error as Sentry words it. */
function exceptions(value: unknown, hint: EventHint, max: number): Exception[] {
  const mechanism = { type: 'generic', handled: true, ...hint.mechanism };
  if (!isStoredError(value)) {
    const text =
      typeof value === 'object' && value !== null
        ? `Object captured as exception with keys: ${Object.keys(value).sort().join(', ')}`
        : `${typeof value === 'string' ? '' : 'Non-Error exception captured with value: '}${String(value)}`;
    const frames = framesOf(hint.syntheticException);
    return [{ type: 'Error', value: cut(text, max), mechanism, ...(frames ? { stacktrace: { frames } } : {}) }];
  }
  const chain: Exception[] = [];
  for (let error: unknown = value; isStoredError(error) && chain.length < MAX_CHAIN; error = error.cause) {
    const frames = framesOf(error);
    chain.unshift({
      type: cut(String(error.name), 200),
      value: cut(String(error.message), max),
      ...(frames ? { stacktrace: { frames } } : {}),
    });
  }
  chain[chain.length - 1]!.mechanism = mechanism;
  return chain;
}

function framesOf(error: unknown): StackFrame[] | undefined {
  if (!isStoredError(error) || typeof error.stack !== 'string') return undefined;
  const frames = parseStackFrames(error.stack);
  return frames.length > 0 ? frames : undefined;
}

const isStoredError = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && (value as Plain)[ERROR_MARK] === true;
