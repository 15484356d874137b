import { debugLogger } from '../debugLogger';
import type { EnvelopeItem } from '../envelope/types';
import type { Event, EventHint } from '../types';
import type { ClientHooks } from './types';

/**
 * The client's hooks (`client.on(name, callback)`): what sessions need to learn of a client's captures,
 * flushes and close without the client knowing about sessions. A callback that throws is logged and
 * skipped; it never costs the capture or the flush that ran it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createClientHooks() {
  const hooks: { [K in keyof ClientHooks]: Set<ClientHooks[K]> } = {
    captured: new Set(),
    flush: new Set(),
    close: new Set(),
  };
  const guard = <T>(name: string, run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      debugLogger.error(`A ${name} hook failed`, error);
      return undefined;
    }
  };
  return {
    on<K extends keyof ClientHooks>(name: K, callback: ClientHooks[K]): () => void {
      hooks[name].add(callback);
      return () => void hooks[name].delete(callback);
    },
    /** The items the `captured` hooks want sent with this event. */
    captured(event: Event, hint: EventHint): EnvelopeItem[] {
      const items: EnvelopeItem[] = [];
      for (const hook of hooks.captured) items.push(...(guard('capture', () => hook(event, hint)) ?? []));
      return items;
    },
    run(name: 'flush' | 'close'): void {
      for (const hook of [...hooks[name]]) guard(name, hook);
    },
  };
}
