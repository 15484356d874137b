import { captureOnce } from '../captureOnce';
import { isServerError } from './expressErrorHandler';

type FastifyLike = {
  register(plugin: unknown): unknown;
};
type HookHost = {
  addHook(name: 'onError', hook: (request: unknown, reply: unknown, error: unknown) => Promise<void>): void;
};

/**
 * Sentry's `setupFastifyErrorHandler(app)`: captures each error a route throws once (mechanism `fastify`,
 * unhandled), for the whole app. `shouldHandleError(error, request, reply)` chooses which (default: those
 * without a 4xx status).
 */
export function setupFastifyErrorHandler(
  fastify: FastifyLike,
  options: { shouldHandleError?: (error: unknown, request: unknown, reply: unknown) => boolean } = {},
): void {
  const shouldCapture = options.shouldHandleError ?? ((error: unknown) => isServerError(error));
  const plugin = Object.assign(
    async function faultlineFastifyErrorHandler(app: HookHost): Promise<void> {
      app.addHook('onError', async (request, reply, error) => {
        if (shouldCapture(error, request, reply)) captureOnce(error, { type: 'fastify', handled: false });
      });
    },
    // What fastify-plugin sets: the hook applies to the whole app, not only this plugin's context.
    { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'faultline-error-handler' },
  );
  void fastify.register(plugin);
}
