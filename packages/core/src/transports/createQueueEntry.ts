import type { Envelope } from '../envelope/types';
import { randomHex } from '../uuid4';
import type { QueueEntry } from './createEnvelopeQueue';
import { carriedReports, envelopeQuantities } from './envelopeQuantities';
import type { EncodedEnvelope, JournalRecord } from './types';

let sequence = 0;
/** The time in the last id made: ids keep sorting by creation when the wall clock steps back. */
let lastIdTime = 0;

/**
 * A new queue entry for an encoded envelope: ids sort by creation, the capture time is the envelope's, and
 * its age starts at 0 now (`now` monotonic, `wall` ms since the epoch).
 */
export function createQueueEntry(envelope: Envelope, encoded: EncodedEnvelope, now: number, wall: number): QueueEntry {
  const capturedAt = Date.parse(String(envelope[0].sent_at));
  const body = encoded.body;
  lastIdTime = Math.max(lastIdTime, wall);
  return {
    id: `${lastIdTime.toString(36).padStart(9, '0')}-${(sequence++ % 2 ** 31).toString(36).padStart(6, '0')}-${randomHex(6)}`,
    createdAt: Number.isNaN(capturedAt) ? wall : capturedAt,
    bornAt: now,
    bytes: byteLength(body),
    gzip: encoded.headers?.['Content-Encoding'] === 'gzip',
    quantities: envelopeQuantities(envelope),
    reports: carriedReports(envelope),
    body,
    state: 'queued',
    attempts: 0,
    notBefore: 0,
    journaled: false,
  };
}

/**
 * A queue entry for a record replayed from the journal; its body stays on disk unless `keepBody`. Its age
 * is what the wall clock says it was on disk (never less than 0: a clock set back makes it young, not
 * unsendable), then grows on the monotonic clock.
 */
export function entryFromRecord(record: JournalRecord, keepBody: boolean, now: number, wall: number): QueueEntry {
  const bytes = byteLength(record.body);
  return {
    id: record.id,
    createdAt: record.createdAt,
    bornAt: now - Math.max(0, wall - record.createdAt),
    bytes,
    gzip: record.gzip === true,
    quantities: record.quantities,
    reports: record.reports,
    body: keepBody ? record.body : undefined,
    state: 'queued',
    attempts: 0,
    notBefore: 0,
    journaled: true,
  };
}

/** What the journal keeps of an entry (never request headers). */
export function recordOf(entry: QueueEntry, body: string | Uint8Array): JournalRecord {
  const { id, createdAt, gzip, quantities, reports } = entry;
  return { id, createdAt, body, gzip, quantities, ...(reports ? { reports } : {}) };
}

/** Bytes a body takes, for bounding: a string's length is close enough, and costs no pass over it. */
export function byteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? body.length : body.byteLength;
}
