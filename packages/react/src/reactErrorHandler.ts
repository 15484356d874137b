import type { ErrorInfo } from 'react';
import { captureReactError, wasCaptured } from './captureReactError';
import { ErrorBoundary } from './ErrorBoundary';

/**
 * For React 19's root options: `createRoot(el, { onUncaughtError: reactErrorHandler(), onCaughtError:
 * reactErrorHandler(), onRecoverableError: reactErrorHandler() })`. Reports what no Faultline boundary
 * already reported (uncaught ones as unhandled), then calls `callback`.
 */
export function reactErrorHandler(
  callback?: (error: unknown, errorInfo: ErrorInfo) => void,
): (error: unknown, errorInfo: ErrorInfo) => void {
  return (error, errorInfo) => {
    try {
      // React 19 calls onCaughtError *before* the boundary's componentDidCatch: an error a Faultline
      // boundary caught is left to that boundary, which reports it with its own options.
      const boundary = (errorInfo as { errorBoundary?: unknown } | undefined)?.errorBoundary;
      if (!wasCaptured(error) && !(boundary instanceof ErrorBoundary)) {
        const handled = Boolean(boundary);
        captureReactError(error, errorInfo?.componentStack ?? undefined, { type: 'react.root', handled });
      }
    } catch {
      // reporting must never break React's own error handling
    }
    callback?.(error, errorInfo);
  };
}
