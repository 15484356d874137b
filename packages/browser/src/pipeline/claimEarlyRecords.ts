import { EARLY_KEY, readEarlyCaptures, type EarlyCaptures } from '../entry/storedRecord';

/** Records older than this are deleted unsent: a week-old page's capture is not worth its unscrubbed data. */
export const EARLY_RECORD_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * Takes every record an earlier page kept (see `keepEarlyRecords`), oldest first, with the losses it
 * counted, and deletes them in the same task, so that a tab starting later finds nothing to take twice.
 * Never throws.
 */
export function claimEarlyRecords(now = Date.now()): EarlyCaptures {
  const kept = readEarlyCaptures();
  if (kept.records.length === 0 && kept.drops.length === 0) return kept;
  try {
    localStorage.removeItem(EARLY_KEY);
  } catch {
    return { records: [], drops: [] }; // not deletable: taking them would send them again on every page
  }
  return { records: kept.records.filter((record) => now - record.time < EARLY_RECORD_MAX_AGE_MS), drops: kept.drops };
}
