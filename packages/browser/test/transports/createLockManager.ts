import type { LockManagerLike } from '@faultline/browser';

export type FakeTab = LockManagerLike & { crash(): void };

/**
 * The Web Locks API's exclusive requests (waiting, or `ifAvailable`), for Node, which has no
 * `navigator.locks`. Each `tab()` is one page: `crash()` drops every lock it holds, as a closed tab would,
 * without running any of its code.
 */
export function createLockManager(): { tab(): FakeTab } {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const free = (name: string): void => {
    const next = waiting.get(name)?.shift();
    if (next) next();
    else held.delete(name);
  };
  return {
    tab() {
      const mine = new Set<string>();
      let dead = false;
      return {
        async request(name, options, callback) {
          if (held.has(name)) {
            if (options.ifAvailable) return callback(null);
            await new Promise<void>((resolve) => waiting.set(name, [...(waiting.get(name) ?? []), resolve]));
          } else held.add(name);
          if (dead) {
            free(name);
            return new Promise(() => undefined);
          }
          mine.add(name);
          try {
            return await callback({ name });
          } finally {
            if (mine.delete(name)) free(name);
          }
        },
        crash() {
          dead = true;
          for (const name of mine) free(name);
          mine.clear();
        },
      };
    },
  };
}

/** A localStorage for Node: items are own properties, as `Object.keys(localStorage)` lists them. */
export function createMemoryStorage(): Storage {
  const storage = Object.create({
    getItem: (key: string) => (Object.hasOwn(storage, key) ? storage[key] : null),
    setItem: (key: string, value: string) => void (storage[key] = String(value)),
    removeItem: (key: string) => void delete storage[key],
  }) as Record<string, string>;
  return storage as unknown as Storage;
}
