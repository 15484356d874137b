import type { JournalRecord } from '@faultline/core';
import { encodeFrame } from './encodeSegment';

/** An append not yet written. */
export interface Waiting {
  record: JournalRecord;
  /** Taken into a batch being written: an acknowledgement must wait for the write. */
  taken: boolean;
  /** Answers the append; undefined once answered (a record kept in memory while the disk fails is answered false). */
  resolve?: (durable: boolean) => void;
}

// One write per batch of appends (group commit): a burst costs a few files, not one file per envelope.
// Capped so that encoding one batch (a copy and a native CRC-32 per record), or decoding one segment at
// replay, stays a few ms of the event loop. Large enough that a journal that fell behind (an overloaded
// process gives its writes few turns of the event loop) catches up in a turn or two: until a record is
// written, its body is held in memory.
const MAX_BATCH_RECORDS = 512;
const MAX_BATCH_BYTES = 1024 * 1024;

/**
 * Takes the next batch off the appends waiting to be written, oldest first (a Map keeps insertion order;
 * one acknowledged before it was written is no longer there), and encodes it. A record that cannot be
 * encoded is left out of `written`: it stays in memory only.
 */
export function takeBatch(waiting: Map<string, Waiting>): { batch: Waiting[]; frames: Buffer[]; written: Waiting[] } {
  const batch: Waiting[] = [];
  const frames: Buffer[] = [];
  const written: Waiting[] = [];
  let bytes = 0;
  for (const entry of waiting.values()) {
    if (batch.length >= MAX_BATCH_RECORDS || bytes >= MAX_BATCH_BYTES) break;
    if (entry.taken) continue;
    entry.taken = true;
    batch.push(entry);
    try {
      const frame = encodeFrame(entry.record, frames.length);
      frames.push(frame);
      written.push(entry);
      bytes += frame.byteLength;
    } catch {
      // not written; the others are
    }
  }
  return { batch, frames, written };
}
