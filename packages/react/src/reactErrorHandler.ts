import type { ErrorInfo } from 'react';
import { captureReactError, wasCaptured } from './captureReactError';

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
      if (!wasCaptured(error)) {
        const handled = errorInfo && 'errorBoundary' in errorInfo && Boolean(errorInfo.errorBoundary);
        captureReactError(error, errorInfo?.componentStack ?? undefined, { type: 'react.root', handled });
      }
    } catch {
      // reporting must never break React's own error handling
    }
    callback?.(error, errorInfo);
  };
}
