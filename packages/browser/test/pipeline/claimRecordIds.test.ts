import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EARLY_RECORD_MAX_AGE_MS } from '../../src/pipeline/claimEarlyRecords';
import { claimRecordIds } from '../../src/pipeline/claimRecordIds';

const DAY = 24 * 3600 * 1000;

describe('claimRecordIds (fake-indexeddb)', () => {
  const real = globalThis.indexedDB;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => {
    globalThis.indexedDB = real;
  });

  it('gives each id to exactly one of two tabs claiming at once, and every id to one of them', async () => {
    const ids = ['a', 'b', 'c', 'd'];
    const [first, second] = await Promise.all([claimRecordIds(ids), claimRecordIds(['d', 'c', 'b', 'a', 'e'])]);
    expect(first).toBeInstanceOf(Set);
    expect(second).toBeInstanceOf(Set);
    for (const id of ids) expect([first!.has(id), second!.has(id)].filter(Boolean)).toHaveLength(1);
    expect(second!.has('e')).toBe(true);
  });

  it('never gives an id twice: a record written back by a page hide after its claim is skipped', async () => {
    expect(await claimRecordIds(['kept'], 1_000_000)).toEqual(new Set(['kept']));
    expect(await claimRecordIds(['kept', 'kept', 'new'], 1_000_000 + DAY)).toEqual(new Set(['new']));
  });

  it('deletes claims as old as a kept record may be, in the claiming transaction', async () => {
    const start = 10 * EARLY_RECORD_MAX_AGE_MS;
    expect(await claimRecordIds(['old'], start)).toEqual(new Set(['old']));
    expect(await claimRecordIds(['other'], start + EARLY_RECORD_MAX_AGE_MS - 1)).toEqual(new Set(['other']));
    expect(await claimRecordIds(['old'], start + EARLY_RECORD_MAX_AGE_MS - 1)).toEqual(new Set());
    // A week on, 'old' is pruned ('other' is not yet): claimable again (its record would be deleted unsent).
    expect(await claimRecordIds(['later'], start + EARLY_RECORD_MAX_AGE_MS)).toEqual(new Set(['later']));
    expect(await claimRecordIds(['old', 'other'], start + EARLY_RECORD_MAX_AGE_MS)).toEqual(new Set(['old']));
  });

  it('resolves undefined (run them all) and never rejects when IndexedDB fails to open', async () => {
    globalThis.indexedDB = {
      open: () => {
        throw new DOMException('blocked by the browser', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await expect(claimRecordIds(['a'])).resolves.toBeUndefined();
  });
});
