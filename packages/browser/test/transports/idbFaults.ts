import type { EnvelopeJournal } from '@faultline/core';
import { vi } from 'vitest';
import type { OpenJournal } from '../../../test-utils/src/journalFaultCases';

/** Opens the journal's database directly, as another page (or a bug) might. */
async function connect(db: string): Promise<IDBDatabase> {
  const open = indexedDB.open(db);
  open.onupgradeneeded = () => open.result.createObjectStore('envelopes');
  return new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/**
 * The journal contract's faults for IndexedDB (fake-indexeddb in Node, the real one in Chromium): writes over
 * quota (every put throws QuotaExceededError, as a full origin does) until healed, and a record replaced in
 * the database by a value of another shape.
 */
export function withFaults(db: string, make: () => EnvelopeJournal): OpenJournal {
  let quota: { mockRestore(): void } | undefined;
  const open: OpenJournal = () => make();
  open.faults = {
    breakWrites() {
      quota = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
    },
    heal() {
      quota?.mockRestore();
    },
    async damage(id) {
      const connection = await connect(db);
      const tx = connection.transaction('envelopes', 'readwrite');
      const store = tx.objectStore('envelopes');
      const keys = await new Promise<IDBValidKey[]>(
        (resolve) => (store.getAllKeys().onsuccess = (e) => resolve((e.target as IDBRequest<IDBValidKey[]>).result)),
      );
      const key = keys.find((candidate) => String(candidate).endsWith(`|${id}`));
      if (key === undefined) throw new Error(`no record ${id} in ${db}`);
      const value = await new Promise<{ quantities: unknown }>(
        (resolve) =>
          (store.get(key).onsuccess = (e) => resolve((e.target as IDBRequest).result as { quantities: unknown })),
      );
      store.put({ id, quantities: value.quantities, body: 42 }, key); // a body of no known shape
      await new Promise((resolve) => (tx.oncomplete = resolve));
      connection.close();
    },
  };
  return open;
}
