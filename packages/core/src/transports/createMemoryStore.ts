import type { EnvelopeStore, Eviction, StoreLimits, StoredEnvelope } from './types';

export const DEFAULT_STORE_LIMITS: StoreLimits = {
  maxEntries: 100,
  maxBytes: 2 * 1024 * 1024,
  ttlMs: 7 * 24 * 60 * 60 * 1000,
};

/** Bytes an entry takes in a store (string length is close enough to UTF-8 bytes for bounding). */
export function entrySize(entry: StoredEnvelope): number {
  return typeof entry.body === 'string' ? entry.body.length : entry.body.byteLength;
}

/** An in-memory envelope store: bounded by count and bytes (oldest evicted first) and by age. */
/* @__NO_SIDE_EFFECTS__ */
export function createMemoryStore(limits: Partial<StoreLimits> = {}, now: () => number = Date.now): EnvelopeStore {
  const { maxEntries, maxBytes, ttlMs } = { ...DEFAULT_STORE_LIMITS, ...limits };
  const entries: StoredEnvelope[] = [];
  let bytes = 0;

  const removeAt = (index: number): StoredEnvelope => {
    const [entry] = entries.splice(index, 1);
    bytes -= entrySize(entry!);
    return entry!;
  };

  return {
    push(entry) {
      const evictions: Eviction[] = [];
      if (entrySize(entry) > maxBytes) return Promise.resolve([{ entry, reason: 'queue_overflow' }]);
      entries.push({ ...entry });
      bytes += entrySize(entry);
      while (entries.length > maxEntries || bytes > maxBytes) {
        evictions.push({ entry: removeAt(0), reason: 'queue_overflow' });
      }
      return Promise.resolve(evictions);
    },
    peek(limit) {
      const evictions: Eviction[] = [];
      const oldest = now() - ttlMs;
      while (entries.length > 0 && entries[0]!.createdAt < oldest) {
        evictions.push({ entry: removeAt(0), reason: 'expired' });
      }
      return Promise.resolve({ entries: entries.slice(0, limit).map((entry) => ({ ...entry })), evictions });
    },
    update(entry) {
      const index = entries.findIndex((e) => e.id === entry.id);
      if (index >= 0) entries[index] = { ...entries[index]!, attempts: entry.attempts };
      return Promise.resolve();
    },
    remove(id) {
      const index = entries.findIndex((e) => e.id === id);
      if (index >= 0) removeAt(index);
      return Promise.resolve();
    },
    size: () => Promise.resolve({ count: entries.length, bytes }),
  };
}
