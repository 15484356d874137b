import { captureException, type Mechanism, type SeverityLevel } from '@faultline/core';

const captured = new WeakSet<object>();

/**
 * Captures an error unless this process already did (a framework handler and the process handler can
 * both see the same error); returns the event id, or '' when it was a repeat.
 */
export function captureOnce(error: unknown, mechanism: Partial<Mechanism>, level?: SeverityLevel): string {
  if (typeof error === 'object' && error !== null) {
    if (captured.has(error)) return '';
    captured.add(error);
  }
  return captureException(error, { mechanism, ...(level ? { level } : {}) });
}
