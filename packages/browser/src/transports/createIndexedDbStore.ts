import {
  createMemoryStore,
  debugLogger,
  type EnvelopeStore,
  type Eviction,
  type StoredEnvelope,
  type StoreLimits,
} from '@faultline/core';
import { createStore, del, delMany, entries, get, set, type UseStore } from 'idb-keyval';

const DEFAULTS: StoreLimits = { maxEntries: 100, maxBytes: 2 * 1024 * 1024, ttlMs: 7 * 24 * 60 * 60 * 1000 };
const sizeOf = (entry: StoredEnvelope) => (typeof entry.body === 'string' ? entry.body.length : entry.body.byteLength);

/**
 * An envelope store in IndexedDB (its own database, opened on the first envelope), so a queue survives
 * reloads: bounded by count and bytes with oldest-first eviction, and by age. When IndexedDB is missing,
 * blocked, full or private, it carries on in memory with one debug message, never an exception.
 */
export function createIndexedDbStore(
  limits: Partial<StoreLimits> = {},
  now: () => number = Date.now,
  names: { database?: string; store?: string } = {},
): EnvelopeStore {
  const { maxEntries, maxBytes, ttlMs } = { ...DEFAULTS, ...limits };
  let idb: UseStore | undefined;
  let memory: EnvelopeStore | undefined;
  const database = () => (idb ??= createStore(names.database ?? 'faultline-queue', names.store ?? 'envelopes'));

  /** Runs an operation in IndexedDB, or in memory from the first failure on. */
  async function attempt<T>(
    inDb: (store: UseStore) => Promise<T>,
    inMemory: (store: EnvelopeStore) => Promise<T>,
  ): Promise<T> {
    if (!memory) {
      try {
        if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
        return await inDb(database());
      } catch (error) {
        debugLogger.warn('IndexedDB queue unavailable; queueing in memory instead', error);
        memory = createMemoryStore(limits, now);
      }
    }
    return inMemory(memory);
  }

  const sorted = async (store: UseStore) =>
    (await entries<string, StoredEnvelope>(store)).map(([, entry]) => entry).sort((a, b) => (a.id < b.id ? -1 : 1));

  return {
    push: (entry) =>
      attempt(
        async (store) => {
          if (sizeOf(entry) > maxBytes) return [{ entry, reason: 'queue_overflow' }];
          await set(entry.id, entry, store);
          const all = await sorted(store);
          let bytes = all.reduce((sum, e) => sum + sizeOf(e), 0);
          const evicted: Eviction[] = [];
          for (let i = 0; all.length - evicted.length > maxEntries || bytes > maxBytes; i++) {
            evicted.push({ entry: all[i]!, reason: 'queue_overflow' });
            bytes -= sizeOf(all[i]!);
          }
          if (evicted.length > 0)
            await delMany(
              evicted.map((e) => e.entry.id),
              store,
            );
          return evicted;
        },
        (fallback) => fallback.push(entry),
      ),
    peek: (limit) =>
      attempt(
        async (store) => {
          const oldest = now() - ttlMs;
          const all = await sorted(store);
          const expired = all.filter((entry) => entry.createdAt < oldest);
          if (expired.length > 0)
            await delMany(
              expired.map((entry) => entry.id),
              store,
            );
          return {
            entries: all.filter((entry) => entry.createdAt >= oldest).slice(0, limit),
            evictions: expired.map((entry): Eviction => ({ entry, reason: 'expired' })),
          };
        },
        (fallback) => fallback.peek(limit),
      ),
    update: (entry) =>
      attempt(
        async (store) => {
          const stored = await get<StoredEnvelope>(entry.id, store);
          if (stored) await set(entry.id, { ...stored, attempts: entry.attempts }, store);
        },
        (fallback) => fallback.update(entry),
      ),
    remove: (id) =>
      attempt(
        (store) => del(id, store),
        (fallback) => fallback.remove(id),
      ),
    size: () =>
      attempt(
        async (store) => {
          const all = await sorted(store);
          return { count: all.length, bytes: all.reduce((sum, e) => sum + sizeOf(e), 0) };
        },
        (fallback) => fallback.size(),
      ),
  };
}
