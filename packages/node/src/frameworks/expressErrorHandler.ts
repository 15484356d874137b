import { captureOnce } from '../captureOnce';

type ExpressErrorMiddleware = (
  error: unknown,
  request: unknown,
  response: { statusCode?: number },
  next: (error?: unknown) => void,
) => void;

/**
 * Express error middleware: `app.use(expressErrorHandler())` after your routes. Captures each error once
 * (mechanism `express`, unhandled), then passes it on to your own error handlers unchanged.
 */
export function expressErrorHandler(
  options: { shouldCapture?: (error: unknown) => boolean } = {},
): ExpressErrorMiddleware {
  return (error, _request, _response, next) => {
    try {
      if (options.shouldCapture?.(error) ?? isServerError(error))
        captureOnce(error, { type: 'express', handled: false });
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
