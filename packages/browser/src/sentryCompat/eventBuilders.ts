import {
  eventFromMessage as buildMessageEvent,
  eventFromUnknown,
  type Event,
  type EventHint,
  type Exception,
  type SeverityLevel,
  type StackParser,
} from '@faultline/core';

const LIMITS = { maxValueLength: 1024, normalizeDepth: 6, normalizeMaxBreadth: 1000 };

/**
 * Sentry's browser `eventFromException(stackParser, exception, hint, attachStacktrace)`: the event
 * Faultline builds for any thrown value (its own stack parser is used; `stackParser` is accepted).
 */
export function eventFromException(
  _stackParser: StackParser,
  exception: unknown,
  hint?: EventHint,
  _attachStacktrace?: boolean,
): PromiseLike<Event> {
  const event = eventFromUnknown(exception, hint ?? {}, LIMITS);
  event.level = 'error';
  if (hint?.event_id) event.event_id = hint.event_id;
  return Promise.resolve(event);
}

/** Sentry's browser `eventFromMessage(stackParser, message, level, hint, attachStacktrace)`. */
export function eventFromMessage(
  _stackParser: StackParser,
  message: string,
  level: SeverityLevel = 'info',
  hint?: EventHint,
  attachStacktrace?: boolean,
): PromiseLike<Event> {
  const event = buildMessageEvent(message, level, hint ?? {}, { ...LIMITS, attachStacktrace });
  if (hint?.event_id) event.event_id = hint.event_id;
  return Promise.resolve(event);
}

/** Sentry's `exceptionFromError(stackParser, error)`: the exception (type, value, frames) of one error. */
export function exceptionFromError(_stackParser: StackParser, error: Error): Exception {
  const values = eventFromUnknown(error, {}, LIMITS).exception?.values ?? [];
  return values[values.length - 1] ?? { type: 'Error', value: String(error) };
}
