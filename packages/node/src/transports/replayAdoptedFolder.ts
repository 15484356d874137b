import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { JournalRecord, JournalSink } from '@faultline/core';
import { decodeSegment } from './decodeSegment';
import { SEGMENT_NAME } from './encodeSegment';
import { readPrivateFile } from './readPrivateFile';
import type { SegmentFolder, SegmentStore } from './types';

// Our segments hold at most about 2 MiB (one batch) or one record: anything this large is not ours.
const MAX_SEGMENT_BYTES = 64 * 1024 * 1024;
// Handed to the sink in slices, yielding between them, so a backlog of 10,000 never stalls the event loop.
const SLICE_RECORDS = 256;
const SLICE_BYTES = 1024 * 1024;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const byId = (a: JournalRecord, b: JournalRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sizeOf = (record: JournalRecord) =>
  typeof record.body === 'string' ? record.body.length : record.body.byteLength;

/**
 * Reads an adopted owner folder segment by segment (oldest first) and hands its live records to the sink.
 * Only regular files named and shaped as segments are read, never through a symlink (a symlink found there
 * is removed, its target untouched). Unreadable records are reported to the sink and their files removed
 * (or rewritten without them).
 */
export async function replayAdoptedFolder(
  folderPath: string,
  store: SegmentStore,
  sink: JournalSink,
  stopped: () => boolean,
): Promise<void> {
  const folder: SegmentFolder = { path: folderPath, segments: 0, adopted: true, loading: true };
  const entries = await readdir(folderPath, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.isSymbolicLink()) await unlink(path.join(folderPath, entry.name)).catch(() => undefined);
  }
  const names = entries.filter((entry) => entry.isFile() && SEGMENT_NAME.test(entry.name)).map((entry) => entry.name);
  let slice: JournalRecord[] = [];
  let bytes = 0;
  const handOver = () => {
    if (slice.length > 0) safely(() => sink.replay(slice.sort(byId)));
    slice = [];
    bytes = 0;
  };
  for (const name of names.sort()) {
    if (stopped()) return;
    const file = path.join(folderPath, name);
    let contents: Buffer | undefined;
    try {
      contents = await readPrivateFile(file, MAX_SEGMENT_BYTES);
    } catch {
      continue; // gone, or unreadable for now (EACCES, EIO): left for a later owner
    }
    const decoded = contents ? decodeSegment(contents) : { count: 0, unreadable: [{ default: 1 }] };
    for (const quantities of decoded.unreadable) safely(() => sink.unreadable(quantities));
    if (decoded.count === 0 || !('frames' in decoded)) {
      store.discard(file);
      continue;
    }
    for (const record of store.adopt(folder, file, decoded)) {
      slice.push(record);
      bytes += sizeOf(record);
      if (slice.length >= SLICE_RECORDS || bytes >= SLICE_BYTES) {
        handOver();
        await yieldToLoop();
      }
    }
  }
  handOver();
  store.loaded(folder);
}

function safely(call: () => void): void {
  try {
    call();
  } catch {
    // The sink is the transport's: its failure must not stop the replay of the rest.
  }
}
