// Runs in Chromium: the store against a real IndexedDB and the real Web Locks API.
import { createIndexedDbStore } from '@faultline/browser';
import { describe, expect, it } from 'vitest';
// Not the package index, which also holds Node-only helpers (HTTP receivers).
import { runStoreContract, storedEnvelope } from '../../test-utils/src/runStoreContract';

let database = 0;
const fresh = () => `chromium-${Date.now()}-${database++}`;

runStoreContract(
  'createIndexedDbStore with Web Locks (Chromium)',
  (limits, now) => createIndexedDbStore({ ...limits, now, database: fresh() }),
  { shared: true },
);
runStoreContract(
  'createIndexedDbStore with leases (Chromium)',
  (limits, now) => createIndexedDbStore({ ...limits, now, database: fresh(), locks: null }),
  { shared: true },
);

describe('createIndexedDbStore in Chromium', () => {
  it('uses the browser Web Locks API by default', () => {
    expect(typeof navigator.locks?.request).toBe('function');
  });

  it('keeps entries for a new store on the same database (a reload)', async () => {
    const name = fresh();
    await createIndexedDbStore({ database: name }).push(storedEnvelope({ body: 'before the reload' }));
    const { entries } = await createIndexedDbStore({ database: name }).peek(10);
    expect(entries.map((e) => e.body)).toEqual(['before the reload']);
  });
});
