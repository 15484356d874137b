import 'fake-indexeddb/auto';
import { createIndexedDbStore, type LockManagerLike } from '@faultline/browser';
import { runStoreContract, storedEnvelope } from '@faultline/test-utils';
import { describe, expect, it, vi } from 'vitest';

/** The Web Locks API's exclusive, `ifAvailable` requests, for Node, which has no `navigator.locks`. */
function createLockManager(): LockManagerLike {
  const held = new Set<string>();
  return {
    async request(name, _options, callback) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

let database = 0;
// A fresh database per store, so contract cases do not see each other's entries.
runStoreContract(
  'createIndexedDbStore with Web Locks (fake-indexeddb)',
  (limits, now) => createIndexedDbStore({ ...limits, now, database: `test-${database++}`, locks: createLockManager() }),
  { shared: true },
);
runStoreContract(
  'createIndexedDbStore with leases, no Web Locks (fake-indexeddb)',
  (limits, now) => createIndexedDbStore({ ...limits, now, database: `test-${database++}`, locks: null }),
  { shared: true },
);

describe('createIndexedDbStore', () => {
  it('keeps entries for a new store on the same database (a reload)', async () => {
    await createIndexedDbStore({ database: 'reload' }).push(storedEnvelope({ body: 'before the reload' }));
    const { entries } = await createIndexedDbStore({ database: 'reload' }).peek(10);
    expect(entries.map((e) => e.body)).toEqual(['before the reload']);
  });

  it('creates no database until the first envelope', async () => {
    const store = createIndexedDbStore({ database: 'lazy' });
    expect(await store.peek(10)).toEqual({ entries: [], evictions: [] });
    expect(await store.size()).toEqual({ count: 0, bytes: 0 });
    const names = async () => (await indexedDB.databases()).map((info) => info.name);
    expect(await names()).not.toContain('lazy');
    await store.push(storedEnvelope());
    expect(await names()).toContain('lazy');
  });

  it('two tabs pushing at once evict each entry once and keep the bound', async () => {
    const tabs = [0, 1].map(() => createIndexedDbStore({ database: 'two-tabs', maxEntries: 10 }));
    const evictions = await Promise.all(
      Array.from({ length: 30 }, (_, i) => tabs[i % 2]!.push(storedEnvelope({ body: `e${i}` }))),
    );
    const evicted = evictions.flat().map((e) => e.entry.body);
    expect(evicted).toHaveLength(20);
    expect(new Set(evicted).size).toBe(20);
    expect(await tabs[0]!.size()).toMatchObject({ count: 10 });
  });

  it.each([
    ['Web Locks', createLockManager()],
    ['leases', null],
  ])('with %s, two tabs sending one backlog send each entry once', async (_, locks) => {
    const db = `backlog-${String(locks)}`;
    const tabs = [0, 1].map(() => createIndexedDbStore({ database: db, locks }));
    for (let i = 0; i < 20; i++) await tabs[0]!.push(storedEnvelope({ body: `e${i}` }));
    const sent: string[] = [];
    // Each tab goes through the whole backlog as its transport would: claim, send, remove.
    await Promise.all(
      tabs.map(async (tab) => {
        for (const entry of (await tab.peek(100)).entries) {
          await tab.claim!(entry.id, async () => {
            await new Promise((resolve) => setTimeout(resolve, 1));
            sent.push(entry.body as string);
            await tab.remove(entry.id);
          });
        }
      }),
    );
    expect(sent.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `e${i}`).sort());
  });

  it('a lease left by a tab that died is taken over once it runs out', async () => {
    let now = 1_000_000;
    const dead = createIndexedDbStore({ database: 'dead-tab', locks: null, now: () => now });
    const alive = createIndexedDbStore({ database: 'dead-tab', locks: null, now: () => now });
    const entry = storedEnvelope({ createdAt: now });
    await dead.push(entry);
    void dead.claim!(entry.id, () => new Promise(() => {})); // the tab closes mid-send
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await alive.claim!(entry.id, async () => {})).toBe(false);
    now += 61_000;
    expect(await alive.claim!(entry.id, async () => {})).toBe(true);
  });

  it('carries on in memory when IndexedDB is missing, without throwing', async () => {
    const original = globalThis.indexedDB;
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    try {
      const store = createIndexedDbStore({ database: 'missing' });
      await store.push(storedEnvelope({ body: 'kept in memory' }));
      expect((await store.peek(10)).entries.map((e) => e.body)).toEqual(['kept in memory']);
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: original, configurable: true });
    }
  });

  it('carries on in memory when opening the database hangs (blocked by another tab)', async () => {
    const open = indexedDB.open.bind(indexedDB);
    // A request that never succeeds nor fails, as an open blocked by another tab's upgrade.
    indexedDB.open = () => ({}) as IDBOpenDBRequest;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const store = createIndexedDbStore({ database: 'blocked' });
      const pushed = store.push(storedEnvelope({ body: 'kept in memory' }));
      await vi.advanceTimersByTimeAsync(3000);
      expect(await pushed).toEqual([]);
      expect((await store.peek(10)).entries.map((e) => e.body)).toEqual(['kept in memory']);
    } finally {
      vi.useRealTimers();
      indexedDB.open = open;
    }
  });

  it('carries on in memory when a write exceeds the quota', async () => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const store = createIndexedDbStore({ database: 'full' });
      await store.push(storedEnvelope({ body: 'kept in memory' }));
      expect((await store.peek(10)).entries.map((e) => e.body)).toEqual(['kept in memory']);
      expect(await store.claim!('anything', async () => {})).toBe(true);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });
});
