import { createDropRecorder, uuid4 } from '@faultline/core';
import { categoryOf, type Drop } from './createCaptureBuffer';
import { EARLY_KEY, readEarlyCaptures, type KeptDrop, type StoredRecord } from './storedRecord';

/** At most this many characters of kept records: the app's own `localStorage` quota is not ours to fill. */
export const EARLY_BUDGET = 100_000;

/**
 * Keeps records (and the losses counted so far) in `localStorage`, after what earlier pages kept, for the
 * pipeline of the next page load (or of this one, if it is shown again) to process and delete. Synchronous,
 * as a page going away allows: measured in Chromium, an IndexedDB transaction started in `pagehide` is
 * aborted by the navigation. Records beyond the budget are counted as `queue_overflow`; never throws.
 * False when nothing could be written (no `localStorage`, or `setItem` throws): the caller still has them.
 */
export function keepEarlyRecords(records: StoredRecord[], drops: Drop[]): boolean {
  try {
    const kept = readEarlyCaptures();
    let size = JSON.stringify(kept).length;
    for (const record of records) {
      const length = JSON.stringify(record).length + 1;
      if (size + length > EARLY_BUDGET) {
        drops.push(['queue_overflow', categoryOf(record), 1]);
        continue;
      }
      kept.records.push(record);
      size += length;
    }
    // One line per reason and category, with one id for what this page counted: the pipeline that reports
    // them claims the id, as it claims records'.
    const id = uuid4();
    const lines = createDropRecorder();
    for (const drop of drops) lines.record(...drop);
    kept.drops.push(
      ...lines.take().map(({ reason, category, quantity }): KeptDrop => [reason, category, quantity, id]),
    );
    localStorage.setItem(EARLY_KEY, JSON.stringify(kept));
    return true;
  } catch {
    return false; // no localStorage, or full
  }
}
