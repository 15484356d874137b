import { expressErrorHandler, type ErrorHandlerOptions } from './expressErrorHandler';

/**
 * Sentry's `setupExpressErrorHandler(app)`: adds `expressErrorHandler()` to the app. Call it after your
 * routes and before your own error handlers; those then find the event id in `res.sentry`.
 */
export function setupExpressErrorHandler(
  app: { use(...handlers: never[]): unknown },
  options?: ErrorHandlerOptions,
): void {
  app.use(expressErrorHandler(options) as never);
}
