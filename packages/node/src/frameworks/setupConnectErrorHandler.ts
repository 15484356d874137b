import { captureOnce } from '../captureOnce';
import { isServerError } from './expressErrorHandler';

/**
 * Sentry's `setupConnectErrorHandler(app)` for a `connect` app: an error middleware that captures each
 * error once (mechanism `connect`, unhandled) and passes it on. Call it after your other middleware.
 */
export function setupConnectErrorHandler(app: { use(handler: never): unknown }): void {
  const handler = (error: unknown, _request: unknown, _response: unknown, next: (error?: unknown) => void): void => {
    try {
      if (isServerError(error)) captureOnce(error, { type: 'connect', handled: false });
    } catch {
      // never let the SDK break the app's error path
    }
    next(error);
  };
  app.use(handler as never);
}
