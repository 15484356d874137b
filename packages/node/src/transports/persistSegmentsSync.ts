import type { SegmentFiles } from './createSegmentFiles';
import { takeBatch, type Waiting } from './takeBatch';
import type { Place, Segment, SegmentFolder } from './types';

export interface PersistState {
  files: SegmentFiles;
  /** Appends not written yet (those `taken` are being written). */
  waiting: Map<string, Waiting>;
  placed: Map<string, Place>;
  /** Acknowledgements not written yet. */
  acknowledged: Set<string>;
  /** Where to write what waits, and what makes it visible to the next process once written. */
  target(): { path: string; commit(): void } | undefined;
}

/**
 * Writes the appends that wait (not those a write under way took) as new segments of `folder`, synchronously,
 * one segment a batch, and removes them from `waiting`; `landed` is told each one's place (undefined: it
 * could not be encoded, it stays in memory only). The one synchronous write of the store: at exit, and for
 * a burst spilling bodies out of memory. Throws what the disk threw; the batch that failed stays waiting.
 */
export function writeWaitingSync(
  files: SegmentFiles,
  waiting: Map<string, Waiting>,
  folder: SegmentFolder,
  landed: (entry: Waiting, at: Place | undefined) => void,
): void {
  for (let next = takeBatch(waiting); next.batch.length > 0; next = takeBatch(waiting)) {
    const { batch, frames, written } = next;
    const places = new Map<Waiting, Place>();
    try {
      const at =
        written.length > 0
          ? files.writeSync(
              folder,
              frames,
              written.map((entry) => entry.record.id),
            )
          : [];
      written.forEach((entry, index) => places.set(entry, at[index]!));
    } catch (error) {
      for (const entry of batch) entry.taken = false;
      throw error;
    }
    for (const entry of batch) {
      waiting.delete(entry.record.id);
      landed(entry, places.get(entry));
    }
  }
}

/**
 * The process is exiting (no later turn of the event loop): the segment writes under way are finished, the
 * acknowledgements not yet written are written in place, and what waits is written as new segments, all
 * synchronously. No fsync unless the journal syncs every write: this survives the process, as every write
 * does (see FileJournalOptions.fsync).
 */
export function persistSegmentsSync({ files, waiting, placed, acknowledged, target }: PersistState): void {
  files.finishWritesSync(acknowledged);
  const bySegment = new Map<Segment, number[]>();
  for (const id of acknowledged) {
    const at = placed.get(id);
    if (at) bySegment.set(at.segment, [...(bySegment.get(at.segment) ?? []), at.index]);
  }
  for (const [segment, indexes] of bySegment) files.acknowledgeSync(segment, indexes);
  for (const [id, entry] of waiting) if (entry.taken || acknowledged.has(id)) waiting.delete(id);
  if (waiting.size === 0) return;
  const where = target();
  if (!where) return;
  const folder: SegmentFolder = { path: where.path, segments: 0, adopted: false, loading: false };
  writeWaitingSync(files, waiting, folder, () => undefined);
  where.commit();
}
