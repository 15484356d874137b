// Runs in Chromium: the journal against a real IndexedDB, the real Web Locks API and real localStorage.
import { createIndexedDbJournal } from '@faultline/browser';
import { debugLogger } from '@faultline/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
// Not the package index, which also holds Node-only helpers (HTTP receivers).
import { collectingSink, journalRecord, openAndCollect } from '../../../test-utils/src/collectingSink';
import { runJournalContract } from '../../../test-utils/src/runJournalContract';
import { withFaults } from './idbFaults';

let database = 0;
const fresh = () => `chromium-${Date.now()}-${database++}`;

runJournalContract('createIndexedDbJournal with Web Locks (Chromium)', async () => {
  const db = fresh();
  return withFaults(db, () => createIndexedDbJournal({ database: db }));
});
runJournalContract('createIndexedDbJournal with leases (Chromium)', async () => {
  const db = fresh();
  return withFaults(db, () => createIndexedDbJournal({ database: db, locks: null }));
});

describe('createIndexedDbJournal in Chromium', () => {
  afterEach(() => vi.restoreAllMocks());

  it('uses the browser Web Locks API by default, one lock per live owner', async () => {
    const db = fresh();
    const journal = createIndexedDbJournal({ database: db });
    await openAndCollect(journal);
    await journal.append(journalRecord());
    const held = async () =>
      ((await navigator.locks.query()).held ?? []).filter((lock) => lock.name?.startsWith(`${db}|`));
    expect(await held()).toHaveLength(1);
    await journal.close();
    expect(await held()).toEqual([]);
  });

  it('two pages opening at once: exactly one adopts a dead page’s backlog, whole', async () => {
    const db = fresh();
    const dead = createIndexedDbJournal({ database: db });
    await openAndCollect(dead);
    const records = Array.from({ length: 120 }, (_, i) => journalRecord({ body: `backlog ${i}` }));
    await Promise.all(records.map((record) => dead.append(record)));
    await dead.close(); // its lock is free, its records stay: as a page that is gone

    const pages = [createIndexedDbJournal({ database: db }), createIndexedDbJournal({ database: db })];
    const opened = await Promise.all(pages.map(openAndCollect));
    expect(opened.map(({ replayed }) => replayed.length).sort((a, b) => a - b)).toEqual([0, 120]);
    expect(opened.flatMap(({ replayed }) => replayed.map((r) => r.id))).toEqual(records.map((r) => r.id));
    await Promise.all(pages.map((page) => page.close()));
  });

  it('adopts what a live page leaves as soon as that page is gone', async () => {
    const db = fresh();
    const first = createIndexedDbJournal({ database: db });
    await openAndCollect(first);
    const record = journalRecord({ body: 'left behind' });
    await first.append(record);
    const { sink, replayed } = collectingSink();
    const second = createIndexedDbJournal({ database: db });
    await second.open(sink);
    expect(replayed).toEqual([]);
    await first.close();
    await vi.waitFor(() => expect(replayed.map((r) => r.id)).toEqual([record.id]));
    await second.close();
  });

  it('never replays an acknowledged record whose delete did not commit before the page went', async () => {
    const db = fresh();
    const page = createIndexedDbJournal({ database: db });
    await openAndCollect(page);
    const beaconed = journalRecord({ body: 'beaconed at page hide' });
    const unsent = journalRecord({ body: 'not sent' });
    await page.append(beaconed);
    await page.append(unsent);
    // The page unloads before the delete commits: its transaction is aborted.
    const del = vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('The transaction was aborted', 'AbortError');
    });
    await page.acknowledge(beaconed.id);
    del.mockRestore();
    await page.close();
    expect(Object.keys(localStorage).filter((key) => key.includes(db))).toHaveLength(1);

    const next = createIndexedDbJournal({ database: db });
    expect((await openAndCollect(next)).replayed.map((r) => r.body)).toEqual(['not sent']);
    expect(Object.keys(localStorage).filter((key) => key.includes(db))).toEqual([]);
    await next.close();
  });

  it('gives up after 3 s when opening is blocked by another connection, as a no-op with one message', async () => {
    const warn = vi.spyOn(debugLogger, 'configProblem').mockImplementation(() => undefined);
    const db = fresh();
    // A connection that ignores versionchange, and an upgrade waiting on it: later opens queue behind it.
    const holder = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(db, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('envelopes');
      request.onsuccess = () => resolve(request.result);
    });
    const upgrade = indexedDB.open(db, 2);
    const journal = createIndexedDbJournal({ database: db });
    const started = Date.now();
    await openAndCollect(journal);
    expect(await journal.append(journalRecord())).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    await journal.close();
    expect(warn).toHaveBeenCalledTimes(1);
    holder.close();
    await new Promise((resolve) => (upgrade.onsuccess = () => resolve(upgrade.result.close())));
  });

  it('over quota: appends report false, the page sees no error, one message', async () => {
    const warn = vi.spyOn(debugLogger, 'configProblem').mockImplementation(() => undefined);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const journal = createIndexedDbJournal({ database: fresh() });
    await openAndCollect(journal);
    expect(await journal.append(journalRecord())).toBe(false);
    expect(await journal.append(journalRecord())).toBe(false);
    await journal.close();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
