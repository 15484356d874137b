import { debugLogger, monotonicNow, type Client } from '@faultline/core';
import type { EarlyCaptures } from '../entry/storedRecord';
import type { CaptureRecord } from '../entry/types';
import { claimRecordIds } from './claimRecordIds';
import { fromStoredRecord } from './fromStoredRecord';

/**
 * Runs records an earlier page kept, and reports the losses it counted, once across tabs: another tab's
 * pipeline may have read the same ones (Chromium's `localStorage` is a per-process cache), so their ids are
 * claimed in IndexedDB first and those another tab claimed are skipped. The claim is asynchronous: they run
 * after this page's own buffer, and `client.flush()` waits for them. Without IndexedDB they run now, first,
 * as before; so do records and losses an older build kept without an id. `batch` runs the records, all
 * together (the page's sessions replay them apart from its own). Never throws, never rejects.
 */
export function runKeptRecords(
  client: Client,
  { records, drops }: EarlyCaptures,
  run: (record: CaptureRecord) => void,
  batch: (work: () => void) => void,
): void {
  if (records.length + drops.length === 0) return;
  const ours = (id: string | undefined, won?: Set<string>) => !won || !id || won.has(id);
  const runWon = (won?: Set<string>) => {
    for (const [reason, category, quantity, id] of drops)
      if (ours(id, won)) client.recordDroppedEvent(reason, category, quantity);
    if (records.length > 0)
      batch(() => {
        for (const record of records) {
          if (!ours(record.id, won)) continue; // another tab claimed it
          try {
            run(fromStoredRecord(record));
          } catch (error) {
            debugLogger.error('Running a kept capture failed', error);
          }
        }
      });
  };
  const ids = [...records.map((record) => record.id), ...drops.map((drop) => drop[3])].filter((id) => id !== undefined);
  if (ids.length === 0 || typeof indexedDB === 'undefined') return runWon();
  // Where IndexedDB fails, the claim gives undefined and every record runs: never lose one to avoid a duplicate.
  const kept = claimRecordIds(ids).then(runWon);
  const flush = client.flush;
  client.flush = async (timeout) => {
    const started = monotonicNow();
    if (!(await settledWithin(kept, timeout))) return false;
    return flush(timeout === undefined ? undefined : Math.max(0, timeout - (monotonicNow() - started)));
  };
}

/** True once `promise` settles, or false if `ms` pass first (undefined: no limit). */
function settledWithin(promise: Promise<void>, ms: number | undefined): Promise<boolean> {
  if (ms === undefined) return promise.then(() => true);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}
