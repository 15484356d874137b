import type { Client, ClientHooks } from '@faultline/core';

interface Waiting {
  name: keyof ClientHooks;
  callback: ClientHooks[keyof ClientHooks];
  stop?: () => void;
}

/**
 * The entry client's `on`: hooks registered before the pipeline arrives (a session started at page load)
 * wait here and are registered on the pipeline's client when it does; later ones go there directly.
 */
export function createDeferredHooks() {
  const waiting = new Set<Waiting>();
  let target: Client | undefined;
  return {
    on<K extends keyof ClientHooks>(name: K, callback: ClientHooks[K]): () => void {
      if (target) return target.on(name, callback);
      const hook: Waiting = { name, callback };
      waiting.add(hook);
      return () => {
        waiting.delete(hook);
        hook.stop?.();
      };
    },
    /** The pipeline arrived: every waiting hook is registered on its client. */
    attach(client: Client): void {
      target = client;
      for (const hook of waiting) hook.stop = client.on(hook.name, hook.callback as never);
    },
  };
}
