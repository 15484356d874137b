import { constants } from 'node:fs';
import { open, rmdir, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { LOCK_FILE } from './createOwnerLock';
import { ACKED, encodeSegment, segmentName, type EncodedSegment } from './encodeSegment';
import { NO_FOLLOW } from './readPrivateFile';
import type { Place, Segment, SegmentFolder } from './types';
import { writeNewFile } from './writeNewFile';
import { writeNewFileSync } from './writeNewFileSync';

/** The file operations of the segment store; each call is one step of its chain (they never overlap). */
export interface SegmentFiles {
  /** Writes frames as a new segment of `folder`; returns each frame's place, in order. */
  write(folder: SegmentFolder, frames: Buffer[], ids: string[]): Promise<Place[]>;
  /** The same, synchronously (it takes the next sequence number, so it never collides with `write`). */
  writeSync(folder: SegmentFolder, frames: Buffer[], ids: string[]): Place[];
  /** Writes the acknowledgement bytes of these records in place. */
  acknowledge(segment: Segment, indexes: number[]): Promise<void>;
  /** Frames read back by place, for a body or for compaction. */
  readFrames(segment: Segment, places: Pick<Place, 'offset' | 'length'>[]): Promise<Buffer[]>;
  /** Deletes a segment (and its adopted folder once that holds no segment). */
  remove(segment: Segment): Promise<void>;
  removeFolderIfDone(folder: SegmentFolder): Promise<void>;
  close(): Promise<void>;
}

// Segments with live records are acknowledged one byte at a time: a few handles stay open for that.
const MAX_OPEN_SEGMENTS = 16;
const noop = () => undefined;

/** Segment files on disk, with a small least-recently-used set of open handles for acknowledgements. */
export function createSegmentFiles(fsync: boolean): SegmentFiles {
  const handles = new Map<Segment, FileHandle>();
  let sequence = 0;

  async function handleFor(segment: Segment): Promise<FileHandle> {
    let handle = handles.get(segment);
    handles.delete(segment); // re-inserted last: the map's order is least recently used first
    handle ??= await open(segment.path, constants.O_WRONLY | NO_FOLLOW);
    handles.set(segment, handle);
    for (const [oldest, old] of handles) {
      if (handles.size <= MAX_OPEN_SEGMENTS) break;
      handles.delete(oldest);
      await old.close().catch(noop);
    }
    return handle;
  }

  /** The segment just written, and each frame's place in it. */
  function placesIn(folder: SegmentFolder, file: string, ids: string[], encoded: EncodedSegment): Place[] {
    const segment: Segment = {
      path: file,
      folder,
      count: ids.length,
      ackOffset: encoded.ackOffset,
      live: new Set(ids),
    };
    folder.segments++;
    return encoded.frames.map((frame, index) => ({ segment, index, ...frame }));
  }

  const files: SegmentFiles = {
    async write(folder, frames, ids) {
      const encoded = encodeSegment(frames);
      const file = path.join(folder.path, segmentName(++sequence));
      await writeNewFile(file, encoded.bytes, fsync);
      return placesIn(folder, file, ids, encoded);
    },
    writeSync(folder, frames, ids) {
      const encoded = encodeSegment(frames);
      const file = path.join(folder.path, segmentName(++sequence));
      writeNewFileSync(file, encoded.bytes, fsync);
      return placesIn(folder, file, ids, encoded);
    },
    async acknowledge(segment, indexes) {
      const handle = await handleFor(segment);
      // One write per run of neighbouring records (deliveries finish roughly in order): a write a record
      // would cost a turn of the event loop each, and a busy process would fall behind.
      for (const [first, length] of contiguousRuns(indexes)) {
        await handle.write(Buffer.alloc(length, ACKED), 0, length, segment.ackOffset + first);
      }
      if (fsync) await handle.datasync();
    },
    async readFrames(segment, places) {
      const handle = await open(segment.path, constants.O_RDONLY | NO_FOLLOW);
      try {
        const frames: Buffer[] = [];
        for (const { offset, length } of places) {
          const frame = Buffer.alloc(length);
          await handle.read(frame, 0, length, offset);
          frames.push(frame);
        }
        return frames;
      } finally {
        await handle.close().catch(noop);
      }
    },
    async remove(segment) {
      await handles.get(segment)?.close().catch(noop);
      handles.delete(segment);
      await unlink(segment.path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      segment.folder.segments--;
      await files.removeFolderIfDone(segment.folder);
    },
    async removeFolderIfDone(folder) {
      if (!folder.adopted || folder.loading || folder.segments > 0) return;
      await unlink(path.join(folder.path, LOCK_FILE)).catch(noop);
      await rmdir(folder.path).catch(noop); // not empty (holds something not ours): left where it is
    },
    async close() {
      for (const handle of handles.values()) await handle.close().catch(noop);
      handles.clear();
    },
  };
  return files;
}

/** Sorted runs of consecutive indexes, as [first, length]. */
export function contiguousRuns(indexes: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && index === last[0] + last[1]) last[1]++;
    else if (!last || index >= last[0] + last[1]) runs.push([index, 1]);
  }
  return runs;
}
