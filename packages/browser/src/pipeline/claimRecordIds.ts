import { debugLogger } from '@faultline/core';
import { openWithin, transaction } from '../transports/idbTransaction';
import { EARLY_RECORD_MAX_AGE_MS } from './claimEarlyRecords';

/** The database of kept records' ids a pipeline has claimed: its own, so no other store's version moves. */
export const CLAIMS_DB = 'faultline-early-claims';
const CLAIMS_STORE = 'claims';
const OPEN_TIMEOUT_MS = 3000;

/**
 * Claims kept records' ids for this tab, in one IndexedDB readwrite transaction (serialized across tabs and
 * processes, as `localStorage` is not): `add()` per id, and an id already there (a ConstraintError) is
 * another tab's. Claims older than `EARLY_RECORD_MAX_AGE_MS` (as old as a kept record may be) are deleted in
 * the same transaction. Resolves with the ids this tab won, or `undefined` when IndexedDB is missing or
 * fails: the caller then runs every record, since a duplicate is better than a loss. Never rejects.
 */
export async function claimRecordIds(ids: string[], now = Date.now()): Promise<Set<string> | undefined> {
  try {
    const db = await openWithin(CLAIMS_DB, OPEN_TIMEOUT_MS, CLAIMS_STORE);
    return await transaction<Set<string>>(db, 'readwrite', (store, done) => {
      const won = new Set<string>();
      done(won);
      for (const id of new Set(ids)) {
        const request = store.add({ id, at: now }, id);
        request.onsuccess = () => won.add(id);
        request.onerror = (event) => {
          // Another tab has it. Handled: the transaction goes on, and commits this tab's other claims.
          event.preventDefault();
          event.stopPropagation();
        };
      }
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result && (cursor.result.value as { at?: unknown }).at;
        if (!cursor.result) return;
        if (typeof at !== 'number' || now - at >= EARLY_RECORD_MAX_AGE_MS) cursor.result.delete();
        cursor.result.continue();
      };
    });
  } catch (error) {
    debugLogger.warn('Claiming kept captures in IndexedDB failed; running them unclaimed', error);
    return undefined;
  }
}
