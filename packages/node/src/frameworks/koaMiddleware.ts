import { captureOnce } from '../captureOnce';
import { isServerError } from './expressErrorHandler';

/**
 * Koa middleware: `app.use(koaMiddleware())` first. Captures each error thrown downstream once
 * (mechanism `koa`, unhandled) and rethrows it for Koa's own handling.
 */
export function koaMiddleware(): (context: unknown, next: () => Promise<unknown>) => Promise<void> {
  return async (_context, next) => {
    try {
      await next();
    } catch (error) {
      if (isServerError(error)) captureOnce(error, { type: 'koa', handled: false });
      throw error;
    }
  };
}
