import { captureOnce } from '../captureOnce';

// Typed loosely on purpose: hapi's own `register` is a set of overloads that take any plugin object.
type HapiServer = { register(plugin: never): Promise<unknown> };
type HapiEvents = {
  events: {
    on(
      criteria: { name: string; channels: string[] },
      listener: (request: unknown, event: { error?: unknown }) => void,
    ): void;
  };
};

/**
 * Sentry's `await setupHapiErrorHandler(server)`: a plugin that captures each error hapi answers with a
 * 500 (its `request` event on the `error` channel) once, with mechanism `hapi`, unhandled.
 */
export async function setupHapiErrorHandler(server: HapiServer): Promise<void> {
  await server.register({
    name: 'FaultlineHapiErrorPlugin',
    version: '1.0.0',
    register(instance: HapiEvents) {
      instance.events.on({ name: 'request', channels: ['error'] }, (_request, event) => {
        if (event?.error !== undefined) captureOnce(event.error, { type: 'hapi', handled: false });
      });
    },
  } as never);
}
