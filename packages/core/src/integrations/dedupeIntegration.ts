import type { Integration } from '../client/types';
import type { Event } from '../types';

/**
 * Drops an event only when it is identical to the previous one, as Sentry's Dedupe does: same message,
 * same custom fingerprint, same exceptions (type and value) and same frames (file, line, column,
 * function). Repeats separated by any other event are real data (other requests, other users) and go on
 * to the storm guard, which caps a crash loop and counts what it drops.
 *
 * One difference from Sentry: every exception of a linked chain is compared, not only the root cause, so
 * two different errors wrapping one shared cause are both kept. And an event with the previous one's id is
 * the same capture run again, never its own duplicate (the browser entry runs a capture's processors as the
 * page is hidden; when it cannot send it then, the pipeline of the page shown again runs them once more).
 */
/* @__NO_SIDE_EFFECTS__ */
export function dedupeIntegration(): Integration {
  // A key, not the event: later hooks may change the event object, and a string holds no user data alive.
  let previous: string | undefined;
  let previousId: string | undefined;
  return {
    name: 'Dedupe',
    processEvent(event) {
      const key = dedupeKey(event);
      const sameCapture = event.event_id !== undefined && event.event_id === previousId;
      if (key !== undefined && key === previous && !sameCapture) return null;
      previous = key;
      previousId = event.event_id;
      return event;
    },
  };
}

/**
 * What two events must share to be the same; undefined for an event with neither message nor exception,
 * which Sentry never treats as a duplicate.
 */
function dedupeKey(event: Event): string | undefined {
  const values = event.exception?.values;
  if (!event.message && !values?.length) return undefined;
  const parts: unknown[] = [event.message ?? '', event.fingerprint ?? null];
  for (const exception of values ?? []) {
    parts.push(exception.type, exception.value);
    for (const frame of exception.stacktrace?.frames ?? []) {
      parts.push(frame.filename, frame.lineno, frame.colno, frame.function);
    }
  }
  try {
    return JSON.stringify(parts);
  } catch {
    // A hand-built event with a value JSON cannot hold: never call it a duplicate.
    return undefined;
  }
}
