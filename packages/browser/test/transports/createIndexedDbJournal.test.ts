import 'fake-indexeddb/auto';
import { createIndexedDbJournal } from '@faultline/browser';
import { debugLogger, type EnvelopeJournal } from '@faultline/core';
import { collectingSink, journalRecord, openAndCollect, runJournalContract } from '@faultline/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLockManager, createMemoryStorage } from './createLockManager';
import { withFaults } from './idbFaults';

let database = 0;
const fresh = () => `test-${database++}`;
const names = async () => (await indexedDB.databases()).map((info) => info.name);

runJournalContract('createIndexedDbJournal with Web Locks (fake-indexeddb)', async () => {
  const db = fresh();
  const manager = createLockManager();
  return withFaults(db, () => createIndexedDbJournal({ database: db, locks: manager.tab() }));
});
runJournalContract('createIndexedDbJournal with leases, no Web Locks (fake-indexeddb)', async () => {
  const db = fresh();
  return withFaults(db, () => createIndexedDbJournal({ database: db, locks: null }));
});

/** Puts a value straight into a journal's database, as a page of another version (or a bug) might. */
async function plant(db: string, key: string, value: unknown): Promise<void> {
  const open = indexedDB.open(db);
  open.onupgradeneeded = () => open.result.createObjectStore('envelopes');
  const connection = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
  const tx = connection.transaction('envelopes', 'readwrite');
  tx.objectStore('envelopes').put(value, key);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  connection.close();
}

describe('createIndexedDbJournal', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('creates no database until the first envelope', async () => {
    const db = fresh();
    const journal = createIndexedDbJournal({ database: db, locks: null });
    expect(await openAndCollect(journal)).toEqual({ replayed: [], unreadable: [] });
    await journal.acknowledge('unknown');
    expect(await journal.read('unknown')).toBeUndefined();
    expect(await names()).not.toContain(db);
    await journal.append(journalRecord());
    expect(await names()).toContain(db);
    await journal.close();
  });

  it.each([['Web Locks'], ['leases']])(
    'with %s, two pages opening at once adopt a dead page’s backlog whole, exactly one of them',
    async (kind) => {
      const db = fresh();
      const manager = createLockManager();
      const make = () => createIndexedDbJournal({ database: db, locks: kind === 'leases' ? null : manager.tab() });
      const dead = make();
      await openAndCollect(dead);
      const records = Array.from({ length: 120 }, (_, i) => journalRecord({ body: `backlog ${i}` }));
      await Promise.all(records.map((record) => dead.append(record)));
      await dead.close();

      const pages = [make(), make()];
      const opened = await Promise.all(pages.map(openAndCollect));
      const counts = opened.map(({ replayed }) => replayed.length).sort((a, b) => a - b);
      expect(counts).toEqual([0, 120]);
      expect(opened.flatMap(({ replayed }) => replayed.map((r) => r.id))).toEqual(records.map((r) => r.id));
      await Promise.all(pages.map((page) => page.close()));
    },
  );

  it('adopts what a live page leaves once that page is gone (Web Locks)', async () => {
    const db = fresh();
    const manager = createLockManager();
    const firstTab = manager.tab();
    const first = createIndexedDbJournal({ database: db, locks: firstTab });
    await openAndCollect(first);
    const record = journalRecord({ body: 'left behind' });
    await first.append(record);

    const { sink, replayed } = collectingSink();
    const second = createIndexedDbJournal({ database: db, locks: manager.tab() });
    await second.open(sink);
    expect(replayed).toEqual([]);
    firstTab.crash(); // the tab is closed: its lock goes, its code never runs again
    await vi.waitFor(() => expect(replayed.map((r) => r.id)).toEqual([record.id]));
    await second.close();
  });

  it('a lease left by a page that died is adopted once it runs out', async () => {
    const db = fresh();
    let now = 1_000_000;
    const dead = createIndexedDbJournal({ database: db, locks: null, now: () => now });
    await openAndCollect(dead);
    await dead.append(journalRecord({ body: 'orphan' })); // and the page dies: no close()
    const early = createIndexedDbJournal({ database: db, locks: null, now: () => now });
    expect((await openAndCollect(early)).replayed).toEqual([]);
    await early.close();
    now += 61_000;
    const late = createIndexedDbJournal({ database: db, locks: null, now: () => now });
    expect((await openAndCollect(late)).replayed.map((r) => r.body)).toEqual(['orphan']);
    await late.close();
    await dead.close();
  });

  it('never replays an acknowledged record whose delete did not commit (tombstone in localStorage)', async () => {
    vi.stubGlobal('localStorage', createMemoryStorage());
    const db = fresh();
    const manager = createLockManager();
    const tab = manager.tab();
    const page = createIndexedDbJournal({ database: db, locks: tab });
    await openAndCollect(page);
    const beaconed = journalRecord({ body: 'beaconed at page hide' });
    const unsent = journalRecord({ body: 'not sent' });
    await page.append(beaconed);
    await page.append(unsent);
    // The page unloads before the delete commits: the transaction is aborted.
    const del = vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('The transaction was aborted', 'AbortError');
    });
    await page.acknowledge(beaconed.id);
    tab.crash();
    del.mockRestore();

    const next = createIndexedDbJournal({ database: db, locks: manager.tab() });
    expect((await openAndCollect(next)).replayed.map((r) => r.body)).toEqual(['not sent']);
    expect(Object.keys(localStorage)).toEqual([]); // the adopted page's tombstones are gone with it
    await next.close();
  });

  it('writes each tombstone at once, and takes those of deletes committed together off in one write', async () => {
    const storage = createMemoryStorage();
    vi.stubGlobal('localStorage', storage);
    const journal = createIndexedDbJournal({ database: fresh(), locks: createLockManager().tab() });
    await openAndCollect(journal);
    const records = Array.from({ length: 5 }, (_, i) => journalRecord({ body: `delivered ${i}` }));
    for (const record of records) await journal.append(record);
    const writes: string[] = [];
    const record = (name: 'setItem' | 'removeItem') => {
      const original = Object.getPrototypeOf(storage)[name] as (...args: string[]) => void;
      vi.spyOn(Object.getPrototypeOf(storage), name).mockImplementation((...args: unknown[]) => {
        writes.push(name);
        original(...(args as string[]));
      });
    };
    record('setItem');
    record('removeItem');

    const acknowledged = Promise.all(records.map((r) => journal.acknowledge(r.id)));
    // Before any delete can commit, every acknowledged id is in localStorage (the page may unload now).
    const [tombstones] = Object.values(storage);
    expect(JSON.parse(tombstones!)).toEqual(records.map((r) => r.id));
    expect(writes).toEqual(Array(5).fill('setItem'));
    await acknowledged;
    expect(writes.slice(5)).toEqual(['removeItem']); // not one write per id
    expect(Object.keys(storage)).toEqual([]);
    await journal.close();
  });

  it('carries on without tombstones where localStorage throws', async () => {
    // As in a sandboxed frame, or with cookies blocked: merely reading `localStorage` throws.
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const db = fresh();
      const journal = createIndexedDbJournal({ database: db, locks: null });
      await openAndCollect(journal);
      const record = journalRecord();
      await journal.append(record);
      await expect(journal.acknowledge(record.id)).resolves.toBeUndefined();
      expect(await journal.read(record.id)).toBeUndefined();
      await journal.close();
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });

  it('removes unreadable records and reports what they carried', async () => {
    const db = fresh();
    await plant(db, 'gone|1', { id: '1', quantities: { error: 2 } }); // no body
    await plant(db, 'gone|2', 'not a record');
    await plant(db, 'gone|3', journalRecord({ body: 'fine' }));
    const journal = createIndexedDbJournal({ database: db, locks: null });
    const { replayed, unreadable } = await openAndCollect(journal);
    expect(replayed.map((r) => r.body)).toEqual(['fine']);
    expect(unreadable).toEqual([{ error: 2 }]);
    await journal.close();
    const next = createIndexedDbJournal({ database: db, locks: null });
    expect(await openAndCollect(next)).toEqual({
      replayed: [expect.objectContaining({ body: 'fine' })],
      unreadable: [],
    });
    await next.close();
  });

  describe('when storage fails, keeps envelopes in memory with one warning (even without debug) and no exception', () => {
    /** Goes through everything a transport does with a journal; none of it may throw or reject. */
    async function useFully(journal: EnvelopeJournal): Promise<void> {
      await openAndCollect(journal);
      const records = [journalRecord(), journalRecord()];
      for (const record of records) await journal.append(record);
      await journal.read(records[0]!.id);
      for (const record of records) await journal.acknowledge(record.id);
      await journal.close();
    }

    it('IndexedDB missing', async () => {
      const warn = vi.spyOn(debugLogger, 'configProblem').mockImplementation(() => undefined);
      vi.stubGlobal('indexedDB', undefined);
      await useFully(createIndexedDbJournal({ database: fresh() }));
      expect(warn).toHaveBeenCalledTimes(1);
    });

    it('opening blocked by another tab (gives up after 3 s)', async () => {
      const warn = vi.spyOn(debugLogger, 'configProblem').mockImplementation(() => undefined);
      // A request that never succeeds nor fails, as an open blocked by another tab's upgrade.
      vi.spyOn(indexedDB, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest);
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const journal = createIndexedDbJournal({ database: fresh(), locks: null });
        const record = journalRecord();
        const appended = journal.append(record);
        await vi.advanceTimersByTimeAsync(3000);
        await expect(appended).resolves.toBe(false);
        await expect(journal.read(record.id)).resolves.toBe(record.body); // kept in memory meanwhile
      } finally {
        vi.useRealTimers();
      }
      expect(warn).toHaveBeenCalledTimes(1);
    });

    it('a write over quota', async () => {
      const warn = vi.spyOn(debugLogger, 'configProblem').mockImplementation(() => undefined);
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      const db = fresh();
      await useFully(createIndexedDbJournal({ database: db, locks: null }));
      expect(warn).toHaveBeenCalledTimes(1);
      vi.restoreAllMocks();
      const next = createIndexedDbJournal({ database: db, locks: null });
      expect((await openAndCollect(next)).replayed).toEqual([]);
    });

    it('a throw inside an IndexedDB callback', async () => {
      const warn = vi.spyOn(debugLogger, 'configProblem').mockImplementation(() => undefined);
      const db = fresh();
      await plant(db, 'gone|1', journalRecord());
      vi.spyOn(IDBObjectStore.prototype, 'getAllKeys').mockImplementation(() => {
        throw new TypeError('broken');
      });
      await useFully(createIndexedDbJournal({ database: db, locks: null }));
      expect(warn).toHaveBeenCalledTimes(1);
    });

    it('Web Locks refused (an opaque origin)', async () => {
      const warn = vi.spyOn(debugLogger, 'configProblem').mockImplementation(() => undefined);
      const locks = { request: () => Promise.reject(new DOMException('denied', 'SecurityError')) };
      await useFully(createIndexedDbJournal({ database: fresh(), locks }));
      expect(warn).toHaveBeenCalledTimes(1);
    });
  });
});
