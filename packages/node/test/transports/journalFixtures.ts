import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EnvelopeJournal, JournalRecord } from '@faultline/core';
import { journalRecord, openAndCollect } from '@faultline/test-utils';
import { readHostFacts, type LockInfo } from '../../src/transports/createOwnerLock';
import { encodeFrame, encodeSegment, segmentName } from '../../src/transports/encodeSegment';

/** A private scratch folder (mkdtemp: 0700, ours). */
export const scratch = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'faultline-journal-'));

let owners = 0;
/** A fresh owner id, as a process would draw one. */
export const ownerId = (): string => (Date.now().toString(16) + (owners++).toString(16)).padStart(32, '0').slice(-32);

/** Segment bytes for records, with the given indexes already acknowledged. */
export function segmentBytes(records: JournalRecord[], acked: number[] = []): Buffer {
  const encoded = encodeSegment(records.map(encodeFrame));
  for (const index of acked) encoded.bytes[encoded.ackOffset + index] = 0x31;
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
