import { unlink } from 'node:fs/promises';
import { createBodyReader } from './createBodyReader';
import { createSegmentFiles } from './createSegmentFiles';
import { decodeFrame } from './decodeFrame';
import { decodeLegacyFrame } from './decodeLegacySegment';
import { encodeFrame } from './encodeSegment';
import { indexAdoptedSegment } from './indexAdoptedSegment';
import { persistSegmentsSync, writeWaitingSync } from './persistSegmentsSync';
import { takeBatch, type Waiting } from './takeBatch';
import type { Place, Segment, SegmentFolder, SegmentStore, SegmentStoreOptions } from './types';

const noop = () => undefined;
type Ack = { id: string; done(): void };

/**
 * Every change on disk is one step of a single chain, so steps never race: a batch of appends written as one
 * new segment, acknowledgements written in place, a segment removed once all its records are acknowledged,
 * and a segment mostly acknowledged (or damaged) compacted by copying its live records into a new one.
 * While the disk fails, appends are kept in memory (answered false) and written once `resume()` is called.
 */
export function createSegmentStore(options: SegmentStoreOptions): SegmentStore {
  const files = createSegmentFiles(options.fsync);
  const waiting = new Map<string, Waiting>();
  const placed = new Map<string, Place>();
  let acks: Ack[] = [];
  let own: Promise<SegmentFolder | undefined> | undefined;
  let ownNow: SegmentFolder | undefined;
  let failing = false;
  let closed = false;
  let batchQueued = false;
  let acksQueued = false;
  let tail: Promise<unknown> = Promise.resolve();
  /** Ids of the segments adopted so far, and of those a compaction adopted so far copied (a few per segment). */
  const adopted = new Set<string>();
  const compacted = new Set<string>();

  // Queues a step; the chain never rejects (a step's failure is handled inside it or dropped here).
  const serial = <T>(step: () => Promise<T>): Promise<T | undefined> => {
    const result = tail.then(step).catch(() => undefined);
    tail = result;
    return result;
  };
  async function ownFolder(): Promise<SegmentFolder | undefined> {
    own ??= options.folder().then((path) => (path ? { path, segments: 0, adopted: false, loading: false } : undefined));
    const folder = await own;
    if (!folder) own = undefined; // not set up (yet): asked again at the next write
    return (ownNow = folder);
  }
  const readBody = createBodyReader(files, placed, serial);
  const answer = (entry: Waiting, durable: boolean) => {
    entry.resolve?.(durable);
    entry.resolve = undefined;
  };

  async function place(folder: SegmentFolder, frames: Buffer[], ids: string[], source?: string): Promise<void> {
    const places = await files.write(folder, frames, ids, source);
    ids.forEach((id, index) => placed.set(id, places[index]!));
  }

  /** Writes the next batch of waiting appends; false when the disk refused it (they stay waiting). */
  async function writeBatch(): Promise<boolean> {
    batchQueued = false;
    const folder = failing ? undefined : await ownFolder();
    if (!folder) {
      for (const entry of waiting.values()) answer(entry, false); // kept: written once the journal heals
      return false;
    }
    const { batch, frames, written } = takeBatch(waiting);
    if (waiting.size > batch.length && !failing) queueBatch();
    if (batch.length === 0) return true;
    try {
      if (written.length > 0)
        await place(
          folder,
          frames,
          written.map((entry) => entry.record.id),
        );
    } catch (error) {
      for (const entry of batch) {
        entry.taken = false;
        answer(entry, false);
      }
      fail(error);
      return false;
    }
    for (const entry of batch) {
      waiting.delete(entry.record.id);
      answer(entry, written.includes(entry));
    }
    return true;
  }

  async function compact(segment: Segment): Promise<void> {
    const folder = failing ? undefined : await ownFolder();
    if (!folder || segment.live.size === 0) return;
    const ids = [...segment.live];
    const read = await files.readFrames(
      segment,
      ids.map((id) => placed.get(id)!),
    );
    const decode = segment.format === 1 ? decodeLegacyFrame : decodeFrame;
    // Frames carry their index in their segment: copies are encoded anew (an older format's too).
    const frames = read.map((bytes, index) => encodeFrame(decode(bytes, 0).record!, index));
    await place(folder, frames, ids, segment.id);
    segment.live.clear();
    // Not removable (a folder made read-only): marked done instead, so no record is sent from it twice.
    if (!(await files.remove(segment))) await files.acknowledge(segment, range(segment.count));
  }

  async function writeAcks(): Promise<void> {
    acksQueued = false;
    const batch = acks;
    acks = [];
    const bySegment = new Map<Segment, number[]>();
    const notYetWritten: Ack[] = [];
    for (const ack of batch) {
      const at = placed.get(ack.id);
      if (!at) {
        if (waiting.has(ack.id)) notYetWritten.push(ack); // its batch is still to come: acknowledged after it
        continue;
      }
      placed.delete(ack.id);
      at.segment.live.delete(ack.id);
      const indexes = bySegment.get(at.segment);
      if (indexes) indexes.push(at.index);
      else bySegment.set(at.segment, [at.index]);
    }
    for (const [segment, indexes] of bySegment) {
      try {
        if (segment.live.size > 0) {
          await files.acknowledge(segment, indexes);
          // Mostly done: copy what is left into a new segment rather than keep the dead weight on disk.
          if (segment.count >= 8 && segment.live.size * 4 <= segment.count) await compact(segment);
        } else if (!(await files.remove(segment))) {
          // The unlink was refused (EACCES): the acknowledgements are written all the same.
          await files.acknowledge(segment, indexes);
        }
      } catch (error) {
        fail(error); // appends wait for the disk; later acknowledgements are still tried
      }
    }
    const later = new Set(notYetWritten);
    for (const ack of batch) if (!later.has(ack)) ack.done();
    if (notYetWritten.length > 0) queueAcks(...notYetWritten);
  }

  /** What waits, written now into our folder (a burst spilling bodies out of memory): false when it cannot. */
  function spillSync(): boolean {
    if (closed || failing || !ownNow) return false;
    try {
      writeWaitingSync(files, waiting, ownNow, (entry, at) => {
        if (at) placed.set(entry.record.id, at);
        answer(entry, at !== undefined);
      });
      return true;
    } catch (error) {
      fail(error); // what waits is answered false by the write queued and kept until the disk is back
      return false;
    }
  }

  function queueAcks(...more: Ack[]): void {
    acks.push(...more);
    if (acksQueued) return;
    acksQueued = true;
    void serial(writeAcks);
  }

  function queueBatch(): void {
    if (batchQueued || failing) return;
    batchQueued = true;
    void serial(writeBatch);
  }

  function fail(error: unknown): void {
    if (!failing) options.onFailure(error);
    failing = true;
  }

  return {
    append(record) {
      if (closed) return Promise.resolve(false);
      if (placed.has(record.id)) return Promise.resolve(true);
      if (waiting.has(record.id)) return Promise.resolve(false);
      return new Promise((resolve) => {
        const entry: Waiting = { record, taken: false, resolve };
        waiting.set(record.id, entry);
        if (failing)
          answer(entry, false); // kept in memory, written once the disk is back
        else queueBatch();
      });
    },
    acknowledge(id) {
      const entry = waiting.get(id);
      if (entry && !entry.taken) {
        waiting.delete(id); // never written: nothing to undo
        answer(entry, true);
        return Promise.resolve();
      }
      if (closed || (!entry && !placed.has(id))) return Promise.resolve();
      return new Promise((done) => queueAcks({ id, done }));
    },
    forget(ids) {
      for (const id of ids) if (placed.has(id)) queueAcks({ id, done: noop });
    },
    async read(id) {
      const entry = waiting.get(id);
      if (entry) return entry.record.body;
      return placed.has(id) ? readBody(id) : undefined;
    },
    adopt(folder, file, decoded) {
      // A compaction and its source both on disk (a crash between writing one and removing the other): the
      // one read second holds copies of what the first replayed.
      const { id: segmentId, source } = decoded;
      if ((segmentId && compacted.has(segmentId)) || (source && adopted.has(source))) {
        void serial(() => unlink(file));
        return [];
      }
      if (segmentId) adopted.add(segmentId);
      if (source) compacted.add(source);
      const known = (id: string) => placed.has(id) || waiting.has(id);
      const { segment, places, copies } = indexAdoptedSegment(folder, file, decoded, known);
      for (const { frame, ...at } of places) placed.set(frame.header.id, at); // the body stays on disk
      if (segment.live.size === 0) void serial(() => files.remove(segment));
      else if (decoded.damaged || decoded.format === 1) void serial(() => compact(segment));
      else if (copies.length > 0) void serial(() => files.acknowledge(segment, copies));
      return places.map((at) => at.frame);
    },
    discard(file) {
      void serial(() => unlink(file));
    },
    loaded(folder) {
      folder.loading = false;
      void serial(() => files.removeFolderIfDone(folder));
    },
    fail,
    async probe() {
      const healed = await serial(async () => {
        const folder = await ownFolder();
        if (!folder) return false;
        if ([...waiting.values()].some((entry) => !entry.taken)) {
          failing = false; // for this one write: it is the probe
          if (await writeBatch()) return true;
          failing = true;
          return false;
        }
        await files.probe(folder);
        return true;
      });
      if (!healed) return false;
      failing = false;
      queueBatch();
      return true;
    },
    abandon() {
      // The journal may never write (its folder is refused): keeping appends for later is pointless.
      for (const entry of waiting.values()) answer(entry, false);
      waiting.clear();
      closed = true;
    },
    relocate() {
      // Our folder is gone (adopted by another process), with every segment in it and the folders it had
      // adopted: what they hold is that process's now. What waits is written in the next folder.
      own = undefined;
      ownNow = undefined;
      placed.clear();
      void serial(() => files.close());
    },
    get waiting() {
      return waiting.size;
    },
    persistSync(persist) {
      if (persist?.keepOpen) return spillSync();
      const acknowledged = new Set(acks.map((ack) => ack.id));
      acks = [];
      persistSegmentsSync({
        files,
        waiting,
        placed,
        acknowledged,
        target: () => (ownNow ? { path: ownNow.path, commit: noop } : options.folderSync()),
      });
      return true;
    },
    async close() {
      closed = true;
      while (batchQueued || acksQueued) await tail;
      await tail;
      await files.close();
    },
  };
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);
