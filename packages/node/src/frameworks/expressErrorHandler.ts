import { lastEventId } from '@faultline/core';
import { captureOnce } from '../captureOnce';

type ExpressErrorMiddleware = (
  error: unknown,
  request: unknown,
  response: { statusCode?: number; sentry?: string },
  next: (error?: unknown) => void,
) => void;

/** Which errors a framework handler captures (default: those without a 4xx `status` / `statusCode`). */
export interface ErrorHandlerOptions {
  shouldCapture?: (error: unknown) => boolean;
  /** Sentry's name for `shouldCapture`. */
  shouldHandleError?: (error: unknown) => boolean;
}

/**
 * Express error middleware: `app.use(expressErrorHandler())` after your routes. Captures each error once
 * (mechanism `express`, unhandled), sets `res.sentry` to the event id (as Sentry's handler does, for a
 * fallback handler that shows it), then passes the error on to your own error handlers unchanged.
 */
export function expressErrorHandler(options: ErrorHandlerOptions = {}): ExpressErrorMiddleware {
  const shouldCapture = options.shouldCapture ?? options.shouldHandleError ?? isServerError;
  return (error, _request, response, next) => {
    try {
      if (shouldCapture(error)) {
        // An error captured earlier in this request (by the app itself) keeps the id it was sent with.
        const eventId = captureOnce(error, { type: 'express', handled: false }) || lastEventId();
        if (eventId && response) response.sentry = eventId;
      }
    } catch {
      // never let the SDK break the app's error path
    }
    next(error);
  };
}

/** 4xx errors (`error.status` below 500) are the client's mistakes, not the app's: not captured by default. */
export function isServerError(error: unknown): boolean {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status !== 'number' || status >= 500;
}
