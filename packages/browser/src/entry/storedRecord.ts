import type { ScopeData } from '@faultline/core';
import type { Drop } from './createCaptureBuffer';
import type { RecordKind } from './types';

/** What a scope held at the moment of a call, as plain data (its event processors cannot be kept). */
export type StoredScope = Omit<ScopeData, 'eventProcessors'>;

/**
 * A capture kept in `localStorage` because the page went away before the pipeline arrived: the record as
 * plain data (an Error becomes `{ name, message, stack }` marked as one), processed on the next page load.
 */
export interface StoredRecord {
  /** Claimed once across tabs by the pipeline that runs it (a capture's event id; absent when an older build kept it). */
  id?: string;
  kind: RecordKind;
  args: unknown[];
  time: number;
  scopes: [global: StoredScope, isolation: StoredScope, current: StoredScope];
}

/** The key an Error's plain form carries, so that the next page rebuilds an Error from it. */
export const ERROR_MARK = '__faultlineError';

/** The `localStorage` key the entry keeps such records under (synchronous: a page going away gets no later task). */
export const EARLY_KEY = 'faultline:early-captures';

/**
 * A loss kept to be reported by a next page, with the id of the page's keeping that counted it: claimed once
 * across tabs as a record is (absent when an older build kept it).
 */
export type KeptDrop = [...drop: Drop, id?: string];

/** What is kept under that key: the records, oldest first, and the losses to report with them. */
export interface EarlyCaptures {
  records: StoredRecord[];
  drops: KeptDrop[];
}

/** What is under the key now (an empty list when nothing, or when it is unreadable). */
export function readEarlyCaptures(): EarlyCaptures {
  try {
    const kept = JSON.parse(localStorage.getItem(EARLY_KEY) ?? 'null') as EarlyCaptures | null;
    if (kept && Array.isArray(kept.records) && Array.isArray(kept.drops)) return kept;
  } catch {
    // no localStorage (sandboxed), or not ours to read
  }
  return { records: [], drops: [] };
}
