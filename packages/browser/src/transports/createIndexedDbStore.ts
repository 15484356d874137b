import {
  createMemoryStore,
  debugLogger,
  DEFAULT_STORE_LIMITS,
  entrySize,
  type EnvelopeStore,
  type Eviction,
  type StoredEnvelope,
  type StoreLimits,
} from '@faultline/core';
import type { UseStore } from 'idb-keyval';
import { openWithin, transaction, type OnResult } from './idbTransaction';
import { keyOf, parseKey, rangeOf, type QueueKey } from './queueKey';

export interface IndexedDbStoreOptions extends Partial<StoreLimits> {
  /** The database's name; one per destination, so two queues never mix. Default `faultline-queue`. */
  database?: string;
  now?: () => number;
  /** Cross-tab claims; default `navigator.locks`. `null` uses the lease kept in IndexedDB instead. */
  locks?: LockManagerLike | null;
}

/** The part of the Web Locks API the store uses. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<boolean>,
  ): Promise<boolean>;
}

/** An entry as kept: with the end of a tab's lease on it while that tab sends it (no Web Locks). */
type Row = StoredEnvelope & { leaseUntil?: number };

/** Opening can hang forever when another tab blocks it; past this, the queue lives in memory. */
const OPEN_TIMEOUT_MS = 3000;
/** A lease outlives any request the transport makes (30 s timeout), so a live holder never loses it. */
const LEASE_MS = 60_000;

const withoutLease = ({ leaseUntil: _lease, ...entry }: Row): StoredEnvelope => entry;

/**
 * An envelope store in IndexedDB, so a queue survives reloads and is shared by the origin's tabs: bounded
 * by count and bytes with oldest-first eviction, and by age. Each change is one transaction, so tabs
 * writing at once never evict or count twice, and `claim` (Web Locks, or a lease where they are missing)
 * lets one tab at a time send an entry. The database is created with the first envelope; before that,
 * reading the queue does not create it. When IndexedDB is missing, blocked, full or private, the queue
 * carries on in memory with one debug message, never an exception.
 */
export function createIndexedDbStore(options: IndexedDbStoreOptions = {}): EnvelopeStore {
  const limits: StoreLimits = {
    maxEntries: options.maxEntries ?? DEFAULT_STORE_LIMITS.maxEntries,
    maxBytes: options.maxBytes ?? DEFAULT_STORE_LIMITS.maxBytes,
    ttlMs: options.ttlMs ?? DEFAULT_STORE_LIMITS.ttlMs,
  };
  const name = options.database ?? 'faultline-queue';
  const now = options.now ?? Date.now;
  let opened: Promise<UseStore> | undefined;
  let memory: EnvelopeStore | undefined;

  /** The database, opened (and created) on first need; undefined when reading finds none yet. */
  async function database(create: boolean): Promise<UseStore | undefined> {
    if (!opened) {
      if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
      if (!create && typeof indexedDB.databases === 'function') {
        const existing = await indexedDB.databases();
        if (!existing.some((info) => info.name === name)) return undefined;
      }
      opened ??= openWithin(name, OPEN_TIMEOUT_MS);
    }
    return opened;
  }

  /** Runs one transaction, or the in-memory equivalent from the first failure on. */
  async function run<T>(
    mode: IDBTransactionMode,
    create: boolean,
    inDb: (store: IDBObjectStore, done: (result: T) => void, onResult: OnResult) => void,
    inMemory: (store: EnvelopeStore) => Promise<T>,
    empty: T,
  ): Promise<T> {
    if (!memory) {
      try {
        const db = await database(create);
        return db ? await transaction(db, mode, inDb) : empty;
      } catch (error) {
        debugLogger.warn('IndexedDB queue unavailable; queueing in memory instead', error);
        memory = createMemoryStore(limits, now);
      }
    }
    return inMemory(memory);
  }

  /** Every entry's key, oldest first: enough to bound the queue without reading a single body. */
  const readKeys = (store: IDBObjectStore, onResult: OnResult, then: (keys: QueueKey[]) => void): void =>
    onResult(store.getAllKeys(), (keys) =>
      then((keys as string[]).map(parseKey).sort((a, b) => (a.id < b.id ? -1 : 1))),
    );

  /** Reads the entries of `keys` (in order), then calls `then` with them. */
  const readRows = (store: IDBObjectStore, onResult: OnResult, keys: QueueKey[], then: (rows: Row[]) => void): void => {
    const rows: Row[] = [];
    if (keys.length === 0) return then(rows);
    keys.forEach((key, index) =>
      onResult(store.get(key.raw), (row: Row | undefined) => {
        if (row) rows[index] = row;
        if (index === keys.length - 1) then(rows.filter(Boolean));
      }),
    );
  };

  /** Removes `keys` after reading them: what the transport counts as dropped is in the entries. */
  const evict = (
    store: IDBObjectStore,
    onResult: OnResult,
    keys: QueueKey[],
    reason: Eviction['reason'],
    then: (evictions: Eviction[]) => void,
  ): void =>
    readRows(store, onResult, keys, (rows) => {
      for (const key of keys) store.delete(key.raw);
      then(rows.map((row) => ({ entry: withoutLease(row), reason })));
    });

  return {
    push: (entry) =>
      run<Eviction[]>(
        'readwrite',
        true,
        (store, done, onResult) => {
          if (entrySize(entry) > limits.maxBytes) return done([{ entry, reason: 'queue_overflow' }]);
          readKeys(store, onResult, (keys) => {
            let bytes = keys.reduce((sum, key) => sum + key.size, entrySize(entry));
            let count = keys.length + 1;
            const evicted: QueueKey[] = [];
            for (const key of keys) {
              if (count <= limits.maxEntries && bytes <= limits.maxBytes) break;
              evicted.push(key);
              count--;
              bytes -= key.size;
            }
            store.put(entry, keyOf(entry));
            evict(store, onResult, evicted, 'queue_overflow', done);
          });
        },
        (fallback) => fallback.push(entry),
        [],
      ),
    peek: (limit) =>
      run<{ entries: StoredEnvelope[]; evictions: Eviction[] }>(
        'readwrite',
        false,
        (store, done, onResult) =>
          readKeys(store, onResult, (keys) => {
            const oldest = now() - limits.ttlMs;
            const expired = keys.filter((key) => key.createdAt < oldest);
            const wanted = keys.filter((key) => key.createdAt >= oldest).slice(0, limit);
            evict(store, onResult, expired, 'expired', (evictions) =>
              readRows(store, onResult, wanted, (rows) => done({ entries: rows.map(withoutLease), evictions })),
            );
          }),
        (fallback) => fallback.peek(limit),
        { entries: [], evictions: [] },
      ),
    update: (entry) =>
      run<void>(
        'readwrite',
        false,
        (store, done, onResult) =>
          onResult(store.openCursor(rangeOf(entry.id)), (cursor) => {
            if (cursor) cursor.update({ ...(cursor.value as Row), attempts: entry.attempts });
            done();
          }),
        (fallback) => fallback.update(entry),
        undefined,
      ),
    remove: (id) =>
      run<void>(
        'readwrite',
        false,
        (store, done) => {
          store.delete(rangeOf(id));
          done();
        },
        (fallback) => fallback.remove(id),
        undefined,
      ),
    size: () =>
      run(
        'readonly',
        false,
        (store, done, onResult) =>
          readKeys(store, onResult, (keys) =>
            done({ count: keys.length, bytes: keys.reduce((sum, key) => sum + key.size, 0) }),
          ),
        (fallback) => fallback.size(),
        { count: 0, bytes: 0 },
      ),
    async claim(id, deliver) {
      if (memory) return deliver().then(() => true); // one tab's memory is its own
      const locks: LockManagerLike | null | undefined =
        options.locks === undefined ? globalThis.navigator?.locks : options.locks;
      if (locks) {
        return locks.request(`${name}/${id}`, { ifAvailable: true }, async (lock) => {
          // Holding the lock, the entry may still be gone: the last holder sent and removed it.
          if (!lock || !(await exists(id))) return false;
          await deliver();
          return true;
        });
      }
      if (!(await setLease(id, now() + LEASE_MS))) return false;
      try {
        await deliver();
      } finally {
        await setLease(id, 0);
      }
      return true;
    },
  };

  function exists(id: string): Promise<boolean> {
    return run<boolean>(
      'readonly',
      false,
      (store, done, onResult) => onResult(store.count(rangeOf(id)), (count) => done(count > 0)),
      async () => true,
      false,
    );
  }

  /**
   * Takes (until > 0) or gives back (until = 0) the lease on an entry, in one transaction, so two tabs
   * can never both take it. Taking fails when the entry is gone or a lease on it is still running.
   */
  function setLease(id: string, until: number): Promise<boolean> {
    return run<boolean>(
      'readwrite',
      false,
      (store, done, onResult) =>
        onResult(store.openCursor(rangeOf(id)), (cursor) => {
          const row = cursor?.value as Row | undefined;
          if (!cursor || !row || (until > 0 && (row.leaseUntil ?? 0) > now())) return done(false);
          cursor.update({ ...row, leaseUntil: until });
          done(true);
        }),
      async () => true,
      false,
    );
  }
}
