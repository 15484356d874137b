import type { Event } from '../types';

/**
 * What a captured event does to its session, as Sentry's session spec says: an exception at level `error`
 * or `fatal` counts as an error, and as a crash when any of its exceptions was not handled
 * (`mechanism.handled: false`); a lower level (the user lowered it) or no exception counts nothing.
 * A message counts nothing, even with the stack `attachStacktrace` adds to it.
 */
export function sessionErrorKind(event: Event): 'handled' | 'unhandled' | undefined {
  const values = event.exception?.values;
  if (!Array.isArray(values) || values.length === 0) return undefined;
  if (event.level !== undefined && event.level !== 'error' && event.level !== 'fatal') return undefined;
  // A message (`captureMessage` with `attachStacktrace`: its stack rides as a synthetic exception) is no error.
  if (event.message !== undefined && values.every((value) => value?.mechanism?.synthetic === true)) return undefined;
  return values.some((value) => value?.mechanism?.handled === false) ? 'unhandled' : 'handled';
}
