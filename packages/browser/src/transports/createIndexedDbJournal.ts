import { offerToSink, randomHex, type EnvelopeJournal, type JournalRecord, type JournalSink } from '@faultline/core';
import type { UseStore } from 'idb-keyval';
import { createTombstones, forgetTombstones, readTombstones, tombstoneOwners } from './createTombstones';
import { createIdbHealing } from './createIdbHealing';
import { openWithin, transaction, type OnResult } from './idbTransaction';

export interface IndexedDbJournalOptions {
  /** The database's name; one per destination, so two queues never mix. Default `faultline-queue`. */
  database?: string;
  /** Who owns which records: default `navigator.locks`; `null` uses leases kept in IndexedDB instead. */
  locks?: LockManagerLike | null;
  now?: () => number;
}

/** The part of the Web Locks API the journal uses. */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean },
    callback: (lock: unknown) => T | PromiseLike<T>,
  ): Promise<T>;
}

/** Opening can hang forever when another tab blocks it; past this, the journal gives up. */
const OPEN_TIMEOUT_MS = 3000;
/** Without Web Locks, an owner with records renews its lease every third of this. */
const LEASE_MS = 60_000;
/** Records moved from a dead owner per transaction, and handed to the sink per call. */
const BATCH = 50;

const isRecord = (value: unknown): value is JournalRecord => {
  const record = value as Partial<JournalRecord> | undefined;
  return (
    typeof record?.id === 'string' &&
    typeof record.createdAt === 'number' &&
    (typeof record.body === 'string' || record.body instanceof Uint8Array) &&
    typeof record.quantities === 'object'
  );
};

/**
 * A journal in IndexedDB, so what a page could not send survives a reload. Each page (tab) writes its own
 * records, keyed `<owner>|<id>`, and holds its owner's Web Lock until it closes or dies; at open it adopts
 * the records of owners whose lock is free (exactly one page can take a free lock), moving them under its
 * own owner in one transaction per batch, and it adopts those of owners still alive once they are gone.
 * Where Web Locks are missing, a lease in IndexedDB says an owner is alive. Acknowledged ids are first
 * written to localStorage (see `createTombstones`), so an envelope beaconed at page hide is never replayed
 * when the page unloads before its delete commits. The database is created with the first envelope; an
 * empty journal at page load creates nothing. When IndexedDB fails (missing, blocked, full, private), what
 * is appended is kept in memory (the queue holds it anyway) and the journal tries again with backoff,
 * writing it once IndexedDB takes writes again; it says once that durability was lost and once that it
 * returned. Never an exception.
 */
export function createIndexedDbJournal(options: IndexedDbJournalOptions = {}): EnvelopeJournal {
  const name = options.database ?? 'faultline-queue';
  const now = options.now ?? Date.now;
  const locks = options.locks === undefined ? globalThis.navigator?.locks : options.locks;
  const me = randomHex(8);
  const lockOf = (owner: string): string => `${name}|${owner}`;
  /** Ids appended (or adopted) and not acknowledged yet. */
  const mine = new Set<string>();
  const tombstones = createTombstones(name, me);
  let db: Promise<UseStore> | undefined;
  let held: Promise<unknown> | null | undefined;
  let closed = false;
  let pending: Map<string, unknown> | undefined;
  let written = Promise.resolve(true);
  let renewal: ReturnType<typeof setInterval> | undefined;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));

  // What failed to be written is kept, and written by a retry that opens the database anew.
  const healing = createIdbHealing(async (retained) => {
    db = undefined;
    const committed = await run<boolean>(
      'readwrite',
      (store, done) => (retained.forEach((v, k) => store.put(v, k)), done(true)),
      true,
    );
    return committed === true;
  });
  const { kept, fail } = healing;

  async function database(create: boolean): Promise<UseStore | undefined> {
    // Listing the databases does not create one: an empty journal at page load creates nothing.
    if (!db && !create && indexedDB.databases && !(await indexedDB.databases()).some((info) => info.name === name))
      return db;
    return (db ??= openWithin(name, OPEN_TIMEOUT_MS));
  }

  /** One transaction, once this owner's lock is held; undefined when IndexedDB failed. */
  async function run<T>(
    mode: IDBTransactionMode,
    body: (store: IDBObjectStore, done: (result: T) => void, onResult: OnResult) => void,
    create = false,
  ): Promise<T | undefined> {
    try {
      await (held ??=
        locks &&
        new Promise((resolve, reject) => {
          locks.request(lockOf(me), {}, () => (resolve(undefined), released)).catch(reject);
        }));
      const store = await database(create);
      return store ? await transaction(store, mode, body) : undefined;
    } catch (error) {
      fail(error);
    }
  }

  /** Puts (or deletes, without a value) in call order; the calls made meanwhile share one transaction. */
  function write(key: string, value?: unknown): Promise<boolean> {
    if (!pending) {
      const batch = (pending = new Map<string, unknown>());
      written = written.then(async () => {
        pending = undefined;
        const committed = await run<boolean>(
          'readwrite',
          (store, done) => {
            batch.forEach((value, key) => (value === undefined ? store.delete(key) : store.put(value, key)));
            // Without Web Locks, a lease says this owner is alive while it has records.
            if (!locks && mine.size) store.put(now() + LEASE_MS, me);
            else if (!locks) store.delete(me);
            done(true);
          },
          true,
        );
        // Not written: records are kept for the probe that finds IndexedDB back (deletes need no keeping).
        if (committed !== true)
          batch.forEach((value, key) => value !== undefined && key.includes('|') && kept.set(key, value));
        return committed === true;
      });
    }
    pending.set(key, value);
    return written;
  }

  /** Moves a dead owner's records under this owner, batch by batch, skipping acknowledged ones. */
  async function adopt(owner: string, sink: JournalSink): Promise<void> {
    const acknowledged = readTombstones(name, owner);
    const range = IDBKeyRange.bound(`${owner}|`, `${owner}|\uffff`);
    let more: boolean | undefined = true;
    while (more && !closed) {
      const records: JournalRecord[] = [];
      const lost: Record<string, number> = {};
      let unreadable = false;
      let count = 0;
      more = await run<boolean>('readwrite', (store, done, onResult) => {
        if (!locks) store.put(now() + LEASE_MS, me);
        onResult(store.openCursor(range), (cursor) => {
          if (!cursor || count++ === BATCH) return done(Boolean(cursor));
          const value: unknown = cursor.value;
          cursor.delete();
          if (isRecord(value)) {
            if (!acknowledged.has(value.id)) {
              store.put(value, `${me}|${value.id}`);
              records.push(value);
            }
          } else {
            unreadable = true;
            const quantities = Object.entries(Object((value as Partial<JournalRecord> | undefined)?.quantities));
            for (const [category, n] of quantities)
              if (typeof n === 'number') lost[category] = (lost[category] ?? 0) + n;
          }
          cursor.continue();
        });
      });
      if (more === undefined || closed) return; // the records stay where they are for the next owner
      for (const record of records) mine.add(record.id);
      if (unreadable) sink.unreadable(lost);
      // No faster than the transport takes them; what it refuses is forgotten here.
      await offerToSink(sink, records, { forget, stopped: () => closed });
    }
    if (more === false) forgetTombstones(name, owner);
  }

  /** Adopts now what owners that are gone left; with Web Locks, also what live ones leave when they go. */
  async function adoptOrphans(sink: JournalSink): Promise<void> {
    try {
      const keys =
        (await run<IDBValidKey[]>('readonly', (store, done, onResult) => onResult(store.getAllKeys(), done))) ?? [];
      const owners = new Set(tombstoneOwners(name));
      for (const key of keys) if (String(key).includes('|')) owners.add(String(key).split('|')[0]!);
      owners.delete(me);
      for (const owner of owners) {
        if (closed) return;
        if (locks) {
          const name = lockOf(owner);
          if (await locks.request(name, { ifAvailable: true }, (lock) => lock && adopt(owner, sink).then(() => true)))
            continue;
          void locks.request(name, {}, () => (closed ? undefined : adopt(owner, sink))).catch(fail);
          continue;
        }
        // A lease claimed in the transaction that finds it expired: two pages never both adopt.
        const claimed = await run<boolean>('readwrite', (store, done, onResult) =>
          onResult(store.get(owner), (until) => {
            if ((until as number) > now()) return done(false);
            store.put(now() + LEASE_MS, owner);
            done(true);
          }),
        );
        if (claimed) await adopt(owner, sink).then(() => write(owner));
      }
    } catch (error) {
      fail(error);
    }
  }

  function forget(ids: string[]): void {
    for (const id of ids) {
      if (!mine.delete(id)) continue;
      tombstones.add(id);
      void write(`${me}|${id}`).then((committed) => committed && tombstones.remove(id));
    }
  }

  return {
    open(sink) {
      if (!locks) renewal = setInterval(() => mine.size && write(me, now() + LEASE_MS), LEASE_MS / 3);
      return adoptOrphans(sink);
    },
    append(record) {
      if (closed) return Promise.resolve(false);
      mine.add(record.id);
      // Only what a record is: the transport's own fields (timers, states) are not for disk.
      const { id, createdAt, body, gzip, quantities, reports } = record;
      const value = { id, createdAt, body, gzip, quantities, reports };
      if (!healing.failing) return write(`${me}|${id}`, value);
      kept.set(`${me}|${id}`, value); // written once IndexedDB is back
      return Promise.resolve(false);
    },
    async acknowledge(id) {
      kept.delete(`${me}|${id}`);
      if (closed || !mine.delete(id)) return;
      tombstones.add(id);
      if (await write(`${me}|${id}`)) tombstones.remove(id);
    },
    isDurable: () => !healing.failing && !closed,
    async read(id) {
      const held = kept.get(`${me}|${id}`);
      if (isRecord(held)) return held.body;
      await written;
      const value = await run('readonly', (store, done, onResult) => onResult(store.get(`${me}|${id}`), done));
      return isRecord(value) ? value.body : undefined;
    },
    async close() {
      if (closed) return;
      // Without Web Locks, the lease goes with the owner, so the next page adopts what is left at once.
      if (!locks && mine.size) {
        mine.clear();
        void write(me);
      }
      closed = true;
      clearInterval(renewal);
      healing.close();
      await written;
      release();
    },
  };
}
