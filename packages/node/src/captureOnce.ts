import { captureException, markCaptured, type Mechanism, type SeverityLevel } from '@faultline/core';

/**
 * Captures an error unless it was already captured (a framework handler, a `captureErrors` wrapper that
 * rethrew, and the process handler can all see the same error); returns the event id, or '' when it was
 * a repeat.
 */
export function captureOnce(error: unknown, mechanism: Partial<Mechanism>, level?: SeverityLevel): string {
  if (!markCaptured(error)) return '';
  return captureException(error, { mechanism, ...(level ? { level } : {}) });
}
