import { createStore, type UseStore } from 'idb-keyval';

const OBJECT_STORE = 'envelopes';

/** idb-keyval's store, once the database has opened; rejects if opening takes longer than `ms`. */
export async function openWithin(name: string, ms: number, objectStore = OBJECT_STORE): Promise<UseStore> {
  const store = createStore(name, objectStore);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`opening IndexedDB "${name}" timed out (blocked?)`)), ms);
  });
  try {
    await Promise.race([store('readonly', () => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return store;
}

/** Calls `then` with a request's result, in the transaction (so it may issue more requests). */
export type OnResult = <R>(request: IDBRequest<R>, then: (result: R) => void) => void;

/**
 * Runs `body` in one transaction and resolves with what it reported once the transaction commits. A
 * throw in `body` or a callback (a write over quota, say) aborts the transaction and rejects, rather
 * than escaping to the page's error handlers.
 */
export function transaction<T>(
  db: UseStore,
  mode: IDBTransactionMode,
  body: (store: IDBObjectStore, done: (result: T) => void, onResult: OnResult) => void,
): Promise<T> {
  return db(
    mode,
    (store) =>
      new Promise<T>((resolve, reject) => {
        let result: T;
        let failure: unknown;
        const tx = store.transaction;
        const guarded = (step: () => void) => {
          try {
            step();
          } catch (error) {
            failure = error;
            tx.abort();
          }
        };
        tx.oncomplete = () => resolve(result);
        tx.onerror = tx.onabort = () => reject(failure ?? tx.error ?? new Error('IndexedDB transaction aborted'));
        guarded(() =>
          body(
            store,
            (value) => (result = value),
            (request, then) => (request.onsuccess = () => guarded(() => then(request.result))),
          ),
        );
      }),
  );
}
