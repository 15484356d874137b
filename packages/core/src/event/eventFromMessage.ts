import { templateOf } from '../api/parameterize';
import { normalize } from '../normalize/normalize';
import { safeString, truncate } from '../normalize/safeString';
import type { Event, EventHint, SeverityLevel } from '../types';
import { parseStackFrames } from './parseStackFrames';

/**
 * Builds a message event; with `attachStacktrace`, the caller's stack rides along as Sentry does it. A
 * message made by `parameterize` also sends its template and values as `logentry`, so that one message
 * with different values groups as one issue.
 */
export function eventFromMessage(
  message: string,
  level: SeverityLevel,
  hint: EventHint,
  options: { maxValueLength: number; attachStacktrace?: boolean },
): Event {
  const text = truncate(safeString(message, Infinity), options.maxValueLength);
  const event: Event = { level, message: text };
  const parameterized = templateOf(message);
  if (parameterized) {
    event.logentry = {
      message: truncate(parameterized.template, options.maxValueLength),
      params: normalize(parameterized.values.slice(0, 100), { depth: 3 }) as unknown[],
    };
  }
  if (options.attachStacktrace && hint.syntheticException?.stack) {
    const frames = parseStackFrames(hint.syntheticException.stack, 1);
    if (frames.length > 0) {
      event.exception = {
        values: [
          { type: 'Error', value: text, stacktrace: { frames }, mechanism: { type: 'generic', synthetic: true } },
        ],
      };
    }
  }
  return event;
}
