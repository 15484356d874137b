import { mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { EnvelopeJournal, JournalRecord } from '@faultline/core';
import { journalRecord, openAndCollect } from '@faultline/test-utils';
import { liveOwners, readHostFacts, type LockInfo } from '../../src/transports/createOwnerLock';
import { decodeSegment } from '../../src/transports/decodeSegment';
import { ACK_DONE, ACK_OFFSET, encodeFrame, encodeSegment, segmentName } from '../../src/transports/encodeSegment';

/** A private scratch folder (mkdtemp: 0700, ours). */
export const scratch = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'faultline-journal-'));

let owners = 0;
/** A fresh owner id, as a process would draw one. */
export const ownerId = (): string => (Date.now().toString(16) + (owners++).toString(16)).padStart(32, '0').slice(-32);

/**
 * A segment as version 1 of the format wrote it (what an earlier release leaves on disk): the magic line,
 * the count, one '0'/'1' acknowledgement byte per record, then JSON header lines with `length` and `crc`.
 */
export function legacySegmentBytes(records: JournalRecord[], acked: number[] = []): Buffer {
  const frames = records.map((record) => {
    const bytes = typeof record.body === 'string' ? Buffer.from(record.body) : Buffer.from(record.body);
    const header = {
      id: record.id,
      createdAt: record.createdAt,
      gzip: record.gzip === true,
      binary: typeof record.body !== 'string',
      quantities: record.quantities,
      ...(record.reports ? { reports: record.reports } : {}),
      length: bytes.byteLength,
      crc: crc32(bytes),
    };
    return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), bytes, Buffer.from('\n')]);
  });
  const acks = Buffer.alloc(records.length, '0');
  for (const index of acked) acks[index] = 0x31;
  return Buffer.concat([Buffer.from(`faultline-journal 1\n${records.length}\n`), acks, Buffer.from('\n'), ...frames]);
}

/** Segment bytes for records, with the given indexes already acknowledged. */
export function segmentBytes(records: JournalRecord[], acked: number[] = []): Buffer {
  const encoded = encodeSegment(records.map((record, index) => encodeFrame(record, index)));
  for (const index of acked) encoded.bytes[ACK_OFFSET + index] = ACK_DONE;
  return encoded.bytes;
}

export interface PlantedOwner {
  folder: string;
  owner: string;
}

/**
 * Writes an owner folder as a process would have left it: its lock (or none: released) with a heartbeat
 * at `heartbeatAt`, and segment files.
 */
export async function plantOwner(
  journal: string,
  segments: Buffer[],
  {
    lock = {},
    heartbeatAt = Date.now(),
    owner = ownerId(),
  }: { lock?: Partial<LockInfo> | false; heartbeatAt?: number; owner?: string } = {},
): Promise<PlantedOwner> {
  const folder = path.join(journal, owner);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  for (const [i, bytes] of segments.entries())
    await writeFile(path.join(folder, segmentName(i + 1)), bytes, { mode: 0o600 });
  if (lock !== false) {
    const facts = await readHostFacts();
    const file = path.join(folder, 'lock');
    await writeFile(file, JSON.stringify({ ...facts, owner, ...lock }), { mode: 0o600 });
    await utimes(file, heartbeatAt / 1000, heartbeatAt / 1000);
  }
  return { folder, owner };
}

/** Records numbered for easy reading of failures. */
export const records = (count: number, prefix = 'r'): JournalRecord[] =>
  Array.from({ length: count }, (_, i) => journalRecord({ body: `${prefix} ${i}` }));

/** Opens a journal, waits for what it replays at open, and returns the bodies. */
export async function replayedBodies(journal: EnvelopeJournal): Promise<unknown[]> {
  return (await openAndCollect(journal)).replayed.map((record) => record.body);
}

/**
 * Ends a journal of this process as a crash would, as far as other journals can tell: its owner id is no
 * longer a journal alive here (a dead process whose pid we were given). It is left open and unused.
 */
export function crash(owner: string): void {
  liveOwners.delete(owner);
}

/** A monotonic clock a test steps by hand. */
export function steppedClock(start = 1_000_000): { now: () => number; step(ms: number): void } {
  let time = start;
  return { now: () => time, step: (ms) => void (time += ms) };
}

/** Flips one bit in the body of the record with this id, wherever under `directory` its segment is. */
export async function flipBodyByte(directory: string, id: string): Promise<void> {
  for (const name of await readdir(directory, { recursive: true })) {
    if (!name.endsWith('.fls')) continue;
    const file = path.join(directory, name);
    const bytes = await readFile(file);
    const frame = decodeSegment(bytes).frames.find((f) => f.record.id === id);
    if (!frame) continue;
    bytes[frame.offset + frame.length - 5] = bytes[frame.offset + frame.length - 5]! ^ 0x10; // the body's last byte
    await writeFile(file, bytes);
    return;
  }
  throw new Error(`no record ${id} under ${directory}`);
}
