import { captureOnce } from '../captureOnce';
import { isServerError } from './expressErrorHandler';

type HonoLike = {
  use(middleware: (context: { error?: unknown }, next: () => Promise<void>) => Promise<void>): unknown;
};

/**
 * Sentry's `setupHonoErrorHandler(app)`: a middleware that captures the error a handler threw (Hono keeps
 * it on `c.error`) once, with mechanism `hono`, unhandled. Call it before your routes.
 */
export function setupHonoErrorHandler(
  app: HonoLike,
  options: { shouldHandleError?: (error: unknown) => boolean } = {},
): void {
  const shouldCapture = options.shouldHandleError ?? isServerError;
  app.use(async (context, next) => {
    await next();
    try {
      if (context.error !== undefined && shouldCapture(context.error)) {
        captureOnce(context.error, { type: 'hono', handled: false });
      }
    } catch {
      // never let the SDK break the app's error path
    }
  });
}
