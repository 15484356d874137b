import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { offerToSink, type JournalSink } from '@faultline/core';
import { decodeSegment } from './decodeSegment';
import { SEGMENT_NAME } from './encodeSegment';
import type { ReadFrame } from './readFrameHeader';
import { readPrivateFile } from './readPrivateFile';
import type { SegmentFolder, SegmentStore } from './types';

// Our segments hold at most about 1 MiB (one batch) or one record: anything this large is not ours.
const MAX_SEGMENT_BYTES = 64 * 1024 * 1024;

// Between slices, so a backlog of any size never stalls the event loop.
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const byId = (a: ReadFrame, b: ReadFrame) => (a.header.id < b.header.id ? -1 : a.header.id > b.header.id ? 1 : 0);
/**
 * Records made (their bodies copied out of the segment) per offer: those the queue does not keep die young,
 * and each turn of the event loop does a slice of a segment's work, not all of it.
 */
const SLICE = 32;

/**
 * Reads an adopted owner folder segment by segment (oldest first) and offers its live records to the sink,
 * no faster than it takes them: one segment is read only once the previous one was taken, so a backlog of
 * any size costs one segment's bytes and a slice of its records beyond what the queue holds. Only regular files named and shaped as
 * segments are read, never through a symlink (a symlink found there is removed, its target untouched).
 * Unreadable records are reported to the sink and their files removed (or rewritten without them).
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
  for (const name of names.sort()) {
    if (stopped()) return;
    const file = path.join(folderPath, name);
    let contents: Buffer | undefined;
    try {
      contents = await readPrivateFile(file, MAX_SEGMENT_BYTES);
    } catch {
      continue; // gone, or unreadable for now (EACCES, EIO): left for a later owner
    }
    const decoded = contents && decodeSegment(contents);
    for (const quantities of decoded?.unreadable ?? [{ default: 1 }]) safely(() => sink.unreadable(quantities));
    if (!decoded || decoded.frames.length === 0) {
      store.discard(file);
      continue;
    }
    const frames = store.adopt(folder, file, decoded).sort(byId);
    for (let next = 0; next < frames.length; next += SLICE) {
      const records = frames.slice(next, next + SLICE).map((frame) => frame.record);
      if (!(await offerToSink(sink, records, { forget: (ids) => store.forget(ids), stopped, between: yieldToLoop })))
        return;
    }
  }
  store.loaded(folder);
}

function safely(call: () => void): void {
  try {
    call();
  } catch {
    // The sink is the transport's: its failure must not stop the replay of the rest.
  }
}
