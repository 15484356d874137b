import type { Event } from '../types';

/**
 * What a captured event does to its session, as Sentry's session spec says: an exception at level `error`
 * or `fatal` counts as an error, and as a crash when any of its exceptions was not handled
 * (`mechanism.handled: false`); a lower level (the user lowered it) or no exception counts nothing.
 * `captureMessage` never reaches here (the client's `captured` hook leaves messages out).
 */
export function sessionErrorKind(event: Event): 'handled' | 'unhandled' | undefined {
  const values = event.exception?.values;
  if (!Array.isArray(values) || values.length === 0) return undefined;
  if (event.level !== undefined && event.level !== 'error' && event.level !== 'fatal') return undefined;
  return values.some((value) => value?.mechanism?.handled === false) ? 'unhandled' : 'handled';
}
