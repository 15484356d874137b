import type { EventHint } from '@faultline/core';
import { captureReactError } from '../captureReactError';

/**
 * Sentry's `captureReactException(error, { componentStack }, hint)`: reports a React error with its
 * component stack (as a linked cause and `contexts.react`), as the ErrorBoundary does; returns the event id.
 */
export function captureReactException(
  error: unknown,
  errorInfo: { componentStack?: string | null },
  hint?: EventHint,
): string {
  return captureReactError(error, errorInfo?.componentStack ?? undefined, {
    type: 'generic',
    handled: true,
    ...hint?.mechanism,
  });
}
