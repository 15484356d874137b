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
 * The process is exiting (no later turn of the event loop): the segment writes under way are finished, the
 * acknowledgements not yet written are written in place, and what waits is written as new segments, all
 * synchronously. No fsync: this survives the process, as every write does (see FileJournalOptions.fsync).
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
  while (waiting.size > 0) {
    const { batch, frames, written } = takeBatch(waiting);
    for (const entry of batch) waiting.delete(entry.record.id);
    const ids = written.map((entry) => entry.record.id);
    if (written.length > 0) files.writeSync(folder, frames, ids);
  }
  where.commit();
}
