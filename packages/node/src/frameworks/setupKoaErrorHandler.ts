import { koaMiddleware } from './koaMiddleware';

/** Sentry's `setupKoaErrorHandler(app)`: adds `koaMiddleware()`; call it before your other middleware. */
export function setupKoaErrorHandler(app: { use(middleware: never): unknown }): void {
  app.use(koaMiddleware() as never);
}
