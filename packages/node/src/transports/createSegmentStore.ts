import { unlink } from 'node:fs/promises';
import { createSegmentFiles } from './createSegmentFiles';
import { decodeFrame } from './decodeSegment';
import { encodeFrame } from './encodeSegment';
import { indexAdoptedSegment } from './indexAdoptedSegment';
import { takeBatch, type Waiting } from './takeBatch';
import type { Place, Segment, SegmentFolder, SegmentStore, SegmentStoreOptions } from './types';

const noop = () => undefined;

/**
 * Every change on disk is one step of a single chain, so steps never race: a batch of appends written as one
 * new segment, acknowledgements written in place, a segment removed once all its records are acknowledged,
 * and a segment mostly acknowledged (or damaged) compacted by copying its live records into a new one.
 */
export function createSegmentStore(options: SegmentStoreOptions): SegmentStore {
  const files = createSegmentFiles(options.fsync);
  const waiting = new Map<string, Waiting>();
  const placed = new Map<string, Place>();
  let acks: { id: string; done(): void }[] = [];
  let own: Promise<SegmentFolder | undefined> | undefined;
  /** Our folder once it is set up: what a synchronous append writes into. */
  let ready: SegmentFolder | undefined;
  let failed = false;
  let closed = false;
  let batchQueued = false;
  let acksQueued = false;
  let tail: Promise<unknown> = Promise.resolve();

  // Queues a step; the chain never rejects (a step's failure is handled inside it or dropped here).
  const serial = (step: () => Promise<unknown>): void => {
    tail = tail.then(step).catch(noop);
  };
  const ownFolder = () =>
    (own ??= options.folder().then((path) => {
      ready = path ? { path, segments: 0, adopted: false, loading: false } : undefined;
      return ready;
    }));
  const writable = async () => (failed ? undefined : await ownFolder());

  async function place(folder: SegmentFolder, frames: Buffer[], ids: string[]): Promise<void> {
    const places = await files.write(folder, frames, ids);
    ids.forEach((id, index) => placed.set(id, places[index]!));
  }

  async function writeBatch(): Promise<void> {
    batchQueued = false;
    const { batch, frames, written } = takeBatch(waiting);
    if (waiting.size > batch.length) queueBatch();
    if (batch.length === 0) return;
    const folder = await writable();
    let durable = false;
    try {
      if (folder && !failed && written.length > 0) {
        await place(
          folder,
          frames,
          written.map((entry) => entry.record.id),
        );
        durable = true;
      }
    } catch (error) {
      fail(error);
    }
    for (const entry of batch) {
      waiting.delete(entry.record.id);
      entry.resolve(durable && written.includes(entry));
    }
  }

  async function compact(segment: Segment): Promise<void> {
    const folder = await writable();
    if (!folder || segment.live.size === 0) return;
    const ids = [...segment.live];
    await place(
      folder,
      await files.readFrames(
        segment,
        ids.map((id) => placed.get(id)!),
      ),
      ids,
    );
    segment.live.clear();
    await files.remove(segment);
  }

  async function writeAcks(): Promise<void> {
    acksQueued = false;
    const batch = acks;
    acks = [];
    const bySegment = new Map<Segment, number[]>();
    const notYetWritten: typeof acks = [];
    for (const ack of batch) {
      const at = placed.get(ack.id);
      if (!at) {
        if (waiting.has(ack.id)) notYetWritten.push(ack); // its batch is still to come: acknowledged after it
        continue;
      }
      const { id } = ack;
      placed.delete(id);
      at.segment.live.delete(id);
      bySegment.set(at.segment, [...(bySegment.get(at.segment) ?? []), at.index]);
    }
    for (const [segment, indexes] of bySegment) {
      try {
        if (segment.live.size === 0) await files.remove(segment);
        else {
          await files.acknowledge(segment, indexes);
          // Mostly done: copy what is left into a new segment rather than keep the dead weight on disk.
          if (segment.count >= 8 && segment.live.size * 4 <= segment.count) await compact(segment);
        }
      } catch (error) {
        fail(error); // appends stop; later acknowledgements are still tried
      }
    }
    for (const ack of batch) if (!notYetWritten.includes(ack)) ack.done();
    if (notYetWritten.length > 0) queueAcks(...notYetWritten);
  }

  function queueAcks(...more: typeof acks): void {
    acks.push(...more);
    if (acksQueued) return;
    acksQueued = true;
    serial(writeAcks);
  }

  function queueBatch(): void {
    if (batchQueued) return;
    batchQueued = true;
    serial(writeBatch);
  }

  function fail(error: unknown): void {
    if (!failed) options.onFailure(error);
    failed = true;
  }

  return {
    append(record) {
      if (closed || failed || waiting.has(record.id)) return Promise.resolve(false);
      if (placed.has(record.id)) return Promise.resolve(true);
      return new Promise((resolve) => {
        waiting.set(record.id, { record, taken: false, resolve });
        queueBatch();
      });
    },
    appendSync(records) {
      void ownFolder(); // set up from now on, for the next call
      if (closed || failed || !ready) return false;
      const fresh = records.filter((record) => !placed.has(record.id) && !waiting.has(record.id));
      try {
        const frames = fresh.map(encodeFrame);
        const places =
          fresh.length > 0
            ? files.writeSync(
                ready,
                frames,
                fresh.map((record) => record.id),
              )
            : [];
        fresh.forEach((record, index) => placed.set(record.id, places[index]!));
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    acknowledge(id) {
      const entry = waiting.get(id);
      if (entry && !entry.taken) {
        waiting.delete(id); // never written: nothing to undo
        entry.resolve(true);
        return Promise.resolve();
      }
      if (closed || (!entry && !placed.has(id))) return Promise.resolve();
      return new Promise((done) => queueAcks({ id, done }));
    },
    async read(id) {
      const entry = waiting.get(id);
      if (entry) return entry.record.body;
      let body: string | Uint8Array | undefined;
      if (placed.has(id)) {
        serial(async () => {
          const at = placed.get(id);
          const [frame] = at ? await files.readFrames(at.segment, [at]) : [];
          const record = frame && decodeFrame(frame, 0).record;
          body = record?.id === id ? record.body : undefined;
        });
        await tail; // our step, and whatever was queued after it
      }
      return body;
    },
    adopt(folder, file, decoded) {
      const known = (id: string) => placed.has(id) || waiting.has(id);
      const { segment, places, copies } = indexAdoptedSegment(folder, file, decoded, known);
      for (const { record, ...at } of places) placed.set(record.id, at); // the body stays on disk
      if (segment.live.size === 0) serial(() => files.remove(segment));
      else if (decoded.damaged) serial(() => compact(segment));
      else if (copies.length > 0) serial(() => files.acknowledge(segment, copies));
      return places.map((at) => at.record);
    },
    discard(file) {
      serial(() => unlink(file));
    },
    loaded(folder) {
      folder.loading = false;
      serial(() => files.removeFolderIfDone(folder));
    },
    fail,
    async close() {
      closed = true;
      while (batchQueued || acksQueued) await tail;
      await tail;
      await files.close();
    },
  };
}
