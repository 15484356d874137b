import { debugLogger } from '../debugLogger';
import type { EnvelopeItem } from '../envelope/types';
import type { Event, EventHint } from '../types';
import type { ClientHooks } from './types';

type Hook = ClientHooks[keyof ClientHooks];

/**
 * The client's hooks (`client.on(name, callback)`): what sessions need to learn of a client's captures,
 * flushes and close without the client knowing about sessions. A callback that throws is logged and
 * skipped; it never costs the capture or the flush that ran it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createClientHooks() {
  const hooks: Partial<Record<keyof ClientHooks, Hook[]>> = {};
  const each = (name: keyof ClientHooks, run: (hook: Hook) => void): void => {
    for (const hook of hooks[name] ?? []) {
      try {
        run(hook);
      } catch (error) {
        debugLogger.error(`A ${name} hook failed`, error);
      }
    }
  };
  return {
    on<K extends keyof ClientHooks>(name: K, callback: ClientHooks[K]): () => void {
      hooks[name] = [...(hooks[name] ?? []), callback];
      return () => void (hooks[name] = hooks[name]!.filter((hook) => hook !== callback));
    },
    /** The items the `captured` hooks want sent with this event. */
    captured(event: Event, hint: EventHint): EnvelopeItem[] {
      const items: EnvelopeItem[] = [];
      each('captured', (hook) => items.push(...((hook as ClientHooks['captured'])(event, hint) ?? [])));
      return items;
    },
    run(name: 'flush' | 'close'): void {
      each(name, (hook) => (hook as () => void)());
    },
  };
}
