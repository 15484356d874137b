import type { KeptDrop } from '../entry/storedRecord';

/** The largest count a client report's line may carry: Relay reads `quantity` as a u32, and rejects the report. */
const MAX_QUANTITY = 0xffff_ffff;

/**
 * Whether a loss read back from `localStorage` is one a page kept: `[reason, category, quantity, id?]`, its
 * quantity a count a client report can carry. Anything else there (another script's, an edited value) is
 * ignored: reporting it could throw, or have the whole report rejected with the page's real counts.
 */
export function isKeptDrop(drop: unknown): drop is KeptDrop {
  if (!Array.isArray(drop)) return false;
  const [reason, category, quantity, id] = drop as unknown[];
  return (
    typeof reason === 'string' &&
    typeof category === 'string' &&
    Number.isInteger(quantity) &&
    (quantity as number) > 0 &&
    (quantity as number) <= MAX_QUANTITY &&
    (id === undefined || typeof id === 'string')
  );
}
