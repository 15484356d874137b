import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { open, rmdir, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { LOCK_FILE } from './createOwnerLock';
import { LEGACY_ACKED } from './decodeLegacySegment';
import { ACK_DONE, ACK_OFFSET, encodeSegment, segmentName } from './encodeSegment';
import { NO_FOLLOW } from './readPrivateFile';
import type { Place, Segment, SegmentFolder } from './types';
import { writeNewFile, writeNewFileSync } from './writeNewFile';

/** The file operations of the segment store; each call is one step of its chain (they never overlap). */
export interface SegmentFiles {
  /** Writes frames as a new segment of `folder` (a compaction names its `source`); returns each frame's place. */
  write(folder: SegmentFolder, frames: Buffer[], ids: string[], source?: string): Promise<Place[]>;
  /** The same, synchronously: for a process that is exiting, or a burst that spills bodies out of memory. */
  writeSync(folder: SegmentFolder, frames: Buffer[], ids: string[]): Place[];
  /** Writes the acknowledgement bytes of these records in place. */
  acknowledge(segment: Segment, indexes: number[]): Promise<void>;
  acknowledgeSync(segment: Segment, indexes: number[]): void;
  /**
   * Writes synchronously every segment whose asynchronous write has not finished (same bytes, same place),
   * with these records acknowledged: the process is exiting and that write would never complete.
   */
  finishWritesSync(acknowledged: Set<string>): void;
  /** Frames read back by place, for a body or for compaction. */
  readFrames(segment: Segment, places: Pick<Place, 'offset' | 'length'>[]): Promise<Buffer[]>;
  /** Deletes a segment (and its adopted folder once that holds no segment); false when the unlink is refused. */
  remove(segment: Segment): Promise<boolean>;
  removeFolderIfDone(folder: SegmentFolder): Promise<void>;
  /** Writes and removes a small file in `folder`: whether the disk takes writes again. */
  probe(folder: SegmentFolder): Promise<void>;
  close(): Promise<void>;
}

// Segments with live records are acknowledged one byte at a time: a few handles stay open for that.
const MAX_OPEN_SEGMENTS = 16;
/** Frames read together in one read when they lie within this many bytes of each other. */
const MAX_READ_SPAN = 4 * 1024 * 1024;
const noop = () => undefined;
const ackByte = (segment: Segment) => (segment.format === 1 ? LEGACY_ACKED : ACK_DONE);

/** Segment files on disk, with a small least-recently-used set of open handles for acknowledgements. */
export function createSegmentFiles(fsync: boolean): SegmentFiles {
  const handles = new Map<Segment, FileHandle>();
  const writing = new Map<string, { bytes: Buffer; ids: string[] }>();
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

  function prepare(folder: SegmentFolder, frames: Buffer[], ids: string[], source?: string) {
    const { bytes, id, frames: at } = encodeSegment(frames, source);
    const file = path.join(folder.path, segmentName(++sequence));
    const segment: Segment = {
      path: file,
      folder,
      count: ids.length,
      format: 2,
      ackOffset: ACK_OFFSET,
      id,
      live: new Set(ids),
    };
    const places = at.map((frame, index) => ({ segment, index, ...frame }));
    return { bytes, file, places };
  }

  const files: SegmentFiles = {
    async write(folder, frames, ids, source) {
      const { bytes, file, places } = prepare(folder, frames, ids, source);
      writing.set(file, { bytes, ids });
      try {
        await writeNewFile(file, bytes, fsync);
      } finally {
        writing.delete(file);
      }
      folder.segments++;
      return places;
    },
    writeSync(folder, frames, ids) {
      const { bytes, file, places } = prepare(folder, frames, ids);
      writeNewFileSync(file, bytes, fsync);
      folder.segments++;
      return places;
    },
    async acknowledge(segment, indexes) {
      const handle = await handleFor(segment);
      // One write per run of neighbouring records (deliveries finish roughly in order): a write a record
      // would cost a turn of the event loop each, and a busy process would fall behind.
      for (const [first, length] of contiguousRuns(indexes)) {
        await handle.write(Buffer.alloc(length, ackByte(segment)), 0, length, segment.ackOffset + first);
      }
      if (fsync) await handle.datasync();
    },
    acknowledgeSync(segment, indexes) {
      const fd = openSync(segment.path, constants.O_WRONLY | NO_FOLLOW);
      try {
        for (const [first, length] of contiguousRuns(indexes))
          writeSync(fd, Buffer.alloc(length, ackByte(segment)), 0, length, segment.ackOffset + first);
      } finally {
        closeSync(fd);
      }
    },
    finishWritesSync(acknowledged) {
      for (const [file, { bytes, ids }] of writing) {
        ids.forEach((id, index) => acknowledged.has(id) && (bytes[ACK_OFFSET + index] = ACK_DONE));
        // The write under way, if it lands after this one, writes the same bytes (but acknowledgements).
        const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | NO_FOLLOW, 0o600);
        try {
          for (let done = 0; done < bytes.byteLength;)
            done += writeSync(fd, bytes, done, bytes.byteLength - done, done);
        } finally {
          closeSync(fd);
        }
      }
      writing.clear();
    },
    async readFrames(segment, places) {
      const handle = await open(segment.path, constants.O_RDONLY | NO_FOLLOW);
      try {
        // One read for all of them (a segment holds one batch, 1 MiB or so), unless they lie far apart.
        const start = Math.min(...places.map((at) => at.offset));
        const span = Math.max(...places.map((at) => at.offset + at.length)) - start;
        if (places.length > 1 && span <= MAX_READ_SPAN) {
          const bytes = Buffer.alloc(span);
          await handle.read(bytes, 0, span, start);
          return places.map((at) => bytes.subarray(at.offset - start, at.offset - start + at.length));
        }
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
      try {
        await unlink(segment.path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
      }
      segment.folder.segments--;
      await files.removeFolderIfDone(segment.folder);
      return true;
    },
    async removeFolderIfDone(folder) {
      if (!folder.adopted || folder.loading || folder.segments > 0) return;
      await unlink(path.join(folder.path, LOCK_FILE)).catch(noop);
      await rmdir(folder.path).catch(noop); // not empty (holds something not ours): left where it is
    },
    async probe(folder) {
      const file = path.join(folder.path, `probe-${process.pid}`);
      await unlink(file).catch(noop);
      await writeNewFile(file, Buffer.from('probe\n'), fsync);
      await unlink(file);
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
