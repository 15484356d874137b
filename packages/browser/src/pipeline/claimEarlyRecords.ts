import { EARLY_KEY, readEarlyCaptures, type EarlyCaptures, type StoredRecord } from '../entry/storedRecord';
import { isKeptDrop } from './isKeptDrop';

/** Records older than this are deleted unsent: a week-old page's capture is not worth its unscrubbed data. */
export const EARLY_RECORD_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * Takes every record an earlier page kept (see `keepEarlyRecords`), oldest first, with the losses it
 * counted, and deletes them in the same task, so that a tab starting later finds nothing to take twice.
 * What is not a record or a loss a page kept (another script's value under the key) is left out. Never throws.
 */
export function claimEarlyRecords(now = Date.now()): EarlyCaptures {
  const kept = readEarlyCaptures();
  if (kept.records.length === 0 && kept.drops.length === 0) return kept;
  try {
    localStorage.removeItem(EARLY_KEY);
  } catch {
    return { records: [], drops: [] }; // not deletable: taking them would send them again on every page
  }
  const fresh = (record: StoredRecord | null): boolean =>
    typeof record?.time === 'number' && now - record.time < EARLY_RECORD_MAX_AGE_MS;
  return { records: kept.records.filter(fresh), drops: kept.drops.filter(isKeptDrop) };
}
