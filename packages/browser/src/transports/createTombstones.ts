/**
 * Ids a journal owner acknowledged whose IndexedDB delete may not have committed yet, kept in localStorage
 * (one key per database and owner, `faultline-acked|<database>|<owner>`): localStorage is written
 * synchronously, so an acknowledgement made at page hide holds even when the page unloads before the
 * IndexedDB transaction commits. Whoever adopts the owner's records skips (and deletes) these. Without
 * localStorage (sandboxed frames, some private modes) every call is a no-op.
 */
const PREFIX = 'faultline-acked|';
/** Deletes commit in order within a moment, so this many is far more than can be pending at once. */
const MAX_TOMBSTONES = 500;

const keyOf = (database: string, owner: string): string => `${PREFIX}${database}|${owner}`;

function attempt<T>(use: (storage: Storage) => T, otherwise: T): T {
  try {
    return use(localStorage);
  } catch {
    return otherwise; // missing, refused (SecurityError) or full
  }
}

/**
 * This owner's tombstones: `add` before the IndexedDB delete (written at once: the page may unload next),
 * `remove` once it committed. Removals are written once per microtask checkpoint: the deletes of one
 * transaction commit together, and a tombstone left a moment longer only names a record already gone.
 */
export function createTombstones(database: string, owner: string): { add(id: string): void; remove(id: string): void } {
  const key = keyOf(database, owner);
  const ids: string[] = [];
  let unsaved = false;
  const save = (): void => {
    unsaved = false;
    attempt((storage) => (ids.length ? storage.setItem(key, JSON.stringify(ids)) : storage.removeItem(key)), undefined);
  };
  return {
    add(id) {
      if (ids.push(id) > MAX_TOMBSTONES) ids.shift();
      save();
    },
    remove(id) {
      const at = ids.indexOf(id);
      if (at < 0) return;
      ids.splice(at, 1);
      if (unsaved) return;
      unsaved = true;
      queueMicrotask(() => unsaved && save());
    },
  };
}

/** The ids `owner` acknowledged (on a page that may be gone). */
export const readTombstones = (database: string, owner: string): Set<string> =>
  attempt((storage) => new Set<string>(JSON.parse(storage.getItem(keyOf(database, owner)) ?? '[]')), new Set());

/** Drops an adopted owner's tombstones: its records are all adopted or deleted. */
export const forgetTombstones = (database: string, owner: string): void =>
  attempt((storage) => storage.removeItem(keyOf(database, owner)), undefined);

/** Owners with tombstones in this database (pages that may have died before their deletes committed). */
export const tombstoneOwners = (database: string): string[] =>
  attempt(
    (storage) =>
      Object.keys(storage)
        .filter((key) => key.startsWith(keyOf(database, '')))
        .map((key) => key.slice(keyOf(database, '').length)),
    [],
  );
