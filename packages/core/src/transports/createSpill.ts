import type { EnvelopeQueue, QueueEntry } from './createEnvelopeQueue';
import { memoryCost } from './createEnvelopeQueue';
import { recordOf } from './createQueueEntry';
import type { EnvelopeJournal } from './types';

/** Bodies gathered before one synchronous write: a burst costs a file per ~1 MiB, not one per envelope. */
const MAX_BATCH_BYTES = 1024 * 1024;

/**
 * Moves the bodies of entries admitted while memory is over its budget to the journal synchronously
 * (`appendSync`), in batches, so that a burst that gives the event loop no turn (a loop of captures: the
 * journal's own writes cannot run) stays within the budget instead of being refused. What is left of a
 * batch is written at the end of the current task. When the journal cannot write now (its folder is not
 * set up yet, it failed), the entries go to `fallback`: its ordinary asynchronous append.
 */
export function createSpill(
  journal: Required<Pick<EnvelopeJournal, 'appendSync'>>,
  queue: EnvelopeQueue,
  fallback: (entry: QueueEntry) => void,
  memoryBudget: number,
) {
  // A batch waits in memory on top of the budget: a quarter of it at most, well under the ceiling (twice).
  const batchBytes = Math.min(MAX_BATCH_BYTES, memoryBudget / 4);
  let batch: QueueEntry[] = [];
  let bytes = 0;
  let scheduled = false;

  function write(): void {
    scheduled = false;
    const entries = batch.filter((entry) => queue.has(entry.id) && entry.body !== undefined);
    [batch, bytes] = [[], 0];
    if (entries.length === 0) return;
    if (!journal.appendSync(entries.map((entry) => recordOf(entry, entry.body!)))) return entries.forEach(fallback);
    for (const entry of entries) {
      entry.journaled = true;
      queue.trimBody(entry);
    }
  }

  return {
    /** Spills `entry` with the next batch (its body stays in memory until then). */
    add(entry: QueueEntry): void {
      batch.push(entry);
      bytes += entry.body === undefined ? 0 : memoryCost(entry.body);
      if (bytes >= batchBytes) write();
      else if (!scheduled) {
        scheduled = true;
        void Promise.resolve().then(write);
      }
    },
  };
}
