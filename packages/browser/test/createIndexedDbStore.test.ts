import 'fake-indexeddb/auto';
import { createIndexedDbStore } from '@faultline/browser';
import { runStoreContract, storedEnvelope } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

let database = 0;
// A fresh database per store, so contract cases do not see each other's entries.
runStoreContract('createIndexedDbStore (fake-indexeddb)', (limits, now) =>
  createIndexedDbStore(limits, now, { database: `faultline-test-${database++}` }),
);

describe('createIndexedDbStore', () => {
  it('keeps entries for a new store on the same database (a reload)', async () => {
    await createIndexedDbStore({}, Date.now, { database: 'reload' }).push(
      storedEnvelope({ body: 'before the reload' }),
    );
    const { entries } = await createIndexedDbStore({}, Date.now, { database: 'reload' }).peek(10);
    expect(entries.map((e) => e.body)).toEqual(['before the reload']);
  });

  it('carries on in memory when IndexedDB fails, without throwing', async () => {
    const original = globalThis.indexedDB;
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    try {
      const store = createIndexedDbStore({}, Date.now, { database: 'missing' });
      await store.push(storedEnvelope({ body: 'kept in memory' }));
      expect((await store.peek(10)).entries.map((e) => e.body)).toEqual(['kept in memory']);
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: original, configurable: true });
    }
  });
});
