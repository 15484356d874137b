import type { EnvelopeQueue, QueueEntry } from './createEnvelopeQueue';
import { memoryCost } from './createEnvelopeQueue';
import type { EnvelopeJournal } from './types';

/** Bodies gathered before one synchronous write: a burst costs a file per ~1 MiB, not one per envelope. */
const MAX_BATCH_BYTES = 1024 * 1024;

/**
 * Lets the bodies of entries appended while memory is over its budget leave memory in a burst that gives the
 * event loop no turn (a loop of captures: the journal's own asynchronous writes cannot run meanwhile), so
 * that memory stays within the budget instead of newcomers being refused. Once a batch's worth waits, the
 * journal writes what was appended synchronously (`persistSync({ keepOpen: true })`, the same write it
 * makes at exit) and those bodies are let go. A smaller remainder is written by the journal's own next
 * write, as any append. When the journal cannot write now (not set up yet, failing), the bodies stay in
 * memory: the queue's ceiling (twice the budget) then bounds them.
 */
export function createSpill(
  journal: Required<Pick<EnvelopeJournal, 'persistSync'>>,
  queue: Pick<EnvelopeQueue, 'has' | 'trimBody'>,
  memoryBudget: number,
) {
  // A batch waits in memory on top of the budget: a quarter of it at most, well under the ceiling (twice).
  const batchBytes = Math.min(MAX_BATCH_BYTES, memoryBudget / 4);
  let batch: QueueEntry[] = [];
  let bytes = 0;

  return {
    /** `entry` was just appended to the journal while memory is over its budget. */
    add(entry: QueueEntry): void {
      batch.push(entry);
      bytes += entry.body === undefined ? 0 : memoryCost(entry.body);
      if (bytes < batchBytes) return;
      const entries = batch;
      [batch, bytes] = [[], 0];
      if (!journal.persistSync({ keepOpen: true })) return;
      for (const written of entries) {
        if (!queue.has(written.id)) continue;
        written.journaled = true;
        queue.trimBody(written);
      }
    },
  };
}
