import { captureOnce } from '../captureOnce';
import { isServerError } from './expressErrorHandler';

type FastifyLike = {
  addHook(name: 'onError', hook: (request: unknown, reply: unknown, error: unknown) => Promise<void>): void;
};

/**
 * Fastify plugin: `app.register(faultlineFastify)`. Captures each error a route throws once (mechanism
 * `fastify`, unhandled), for the whole app (not only the plugin's encapsulation context).
 */
export const faultlineFastify = Object.assign(
  async function faultlineFastify(fastify: FastifyLike): Promise<void> {
    fastify.addHook('onError', async (_request, _reply, error) => {
      if (isServerError(error)) captureOnce(error, { type: 'fastify', handled: false });
    });
  },
  // What fastify-plugin sets: apply the hook to the parent context, so every route is covered.
  { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'faultline' },
);
