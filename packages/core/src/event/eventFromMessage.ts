import { truncate } from '../normalize/safeString';
import type { Event, EventHint, SeverityLevel } from '../types';
import { parseStackFrames } from './parseStackFrames';

/** Builds a message event; with `attachStacktrace`, the caller's stack rides along as Sentry does it. */
export function eventFromMessage(
  message: string,
  level: SeverityLevel,
  hint: EventHint,
  options: { maxValueLength: number; attachStacktrace?: boolean },
): Event {
  const text = truncate(message, options.maxValueLength);
  const event: Event = { level, message: text };
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
