import { crc32 } from 'node:zlib';
import type { JournalRecord } from '@faultline/core';
import { ACKED, SEGMENT_MAGIC, type FrameHeader } from './encodeSegment';

type Quantities = JournalRecord['quantities'];

/** A frame read back: the record, or what its header said when its body is damaged. */
export interface DecodedFrame {
  record?: JournalRecord;
  /** Quantities of a damaged frame whose header could be read. */
  quantities?: Quantities;
  /** Where the next frame starts; undefined when the header could not be read (nothing after is trusted). */
  next?: number;
}

export interface DecodedSegment {
  count: number;
  ackOffset: number;
  /** Readable records with their place in the file and whether they were acknowledged. */
  frames: { record: JournalRecord; index: number; offset: number; length: number; acked: boolean }[];
  /** One entry per unreadable record that was not acknowledged: to be counted as lost. */
  unreadable: Quantities[];
  /** Something in the file is not as written: it is rewritten (or removed) rather than kept. */
  damaged: boolean;
}

const MAGIC = Buffer.from(SEGMENT_MAGIC);
const MAX_COUNT = 1_000_000;
const MAX_HEADER = 64 * 1024;
const NAME = /^[a-z_]{1,32}$/;

const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function validQuantities(value: unknown): value is Quantities {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([category, quantity]) => NAME.test(category) && isCount(quantity));
}

function validReports(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length > 1000) return false;
  return value.every((report: Record<string, unknown>) => {
    const { reason, category, quantity } = report ?? {};
    return typeof reason === 'string' && NAME.test(reason) && typeof category === 'string' && NAME.test(category)
      ? isCount(quantity)
      : false;
  });
}

// A planted or damaged file must not smuggle fields or shapes the transport does not expect.
function validHeader(value: unknown): value is FrameHeader {
  const header = value as Partial<FrameHeader> | null;
  return (
    typeof header === 'object' &&
    header !== null &&
    typeof header.id === 'string' &&
    header.id.length > 0 &&
    header.id.length <= 256 &&
    typeof header.createdAt === 'number' &&
    Number.isFinite(header.createdAt) &&
    typeof header.gzip === 'boolean' &&
    typeof header.binary === 'boolean' &&
    Number.isSafeInteger(header.length) &&
    header.length! >= 0 &&
    Number.isInteger(header.crc) &&
    validQuantities(header.quantities) &&
    validReports(header.reports)
  );
}

/** Reads the frame that starts at `start`. */
export function decodeFrame(buffer: Buffer, start: number): DecodedFrame {
  const newline = buffer.indexOf(0x0a, start);
  if (newline < 0 || newline - start > MAX_HEADER) return {};
  let header: unknown;
  try {
    header = JSON.parse(buffer.toString('utf8', start, newline));
  } catch {
    return {};
  }
  if (!validHeader(header)) return {};
  const bodyStart = newline + 1;
  const next = bodyStart + header.length + 1;
  const damaged = { quantities: header.quantities, next };
  if (next > buffer.byteLength || buffer[next - 1] !== 0x0a) return damaged;
  const bytes = buffer.subarray(bodyStart, next - 1);
  if (crc32(bytes) !== header.crc) return damaged;
  const record: JournalRecord = {
    id: header.id,
    createdAt: header.createdAt,
    // Copies: a replayed body must not keep the whole segment's buffer alive.
    body: header.binary ? new Uint8Array(bytes) : bytes.toString('utf8'),
    quantities: header.quantities,
    ...(header.gzip ? { gzip: true } : {}),
    ...(header.reports ? { reports: header.reports } : {}),
  };
  return { record, next };
}

/**
 * Reads a whole segment file. A file in any other shape (empty, foreign, cut short) yields what can be
 * trusted: each unreadable record not yet acknowledged is listed with its header's quantities, or
 * `{ default: n }` for records whose headers are gone too.
 */
export function decodeSegment(buffer: Buffer): DecodedSegment {
  const result: DecodedSegment = { count: 0, ackOffset: 0, frames: [], unreadable: [], damaged: true };
  const countEnd = buffer.indexOf(0x0a, MAGIC.byteLength);
  const count = Number(buffer.toString('latin1', MAGIC.byteLength, countEnd));
  if (!buffer.subarray(0, MAGIC.byteLength).equals(MAGIC) || countEnd < 0 || countEnd - MAGIC.byteLength > 7) {
    result.unreadable.push({ default: 1 });
    return result;
  }
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_COUNT) {
    result.unreadable.push({ default: 1 });
    return result;
  }
  result.count = count;
  result.ackOffset = countEnd + 1;
  // A record whose acknowledgement byte is unreadable counts as live: sending twice beats losing.
  const acked = (index: number) => buffer[result.ackOffset + index] === ACKED;
  let position = result.ackOffset + count + 1;
  let index = 0;
  while (index < count && buffer[position - 1] === 0x0a) {
    const frame = decodeFrame(buffer, position);
    if (frame.record) {
      const length = frame.next! - position;
      result.frames.push({ record: frame.record, index, offset: position, length, acked: acked(index) });
    } else if (!acked(index)) result.unreadable.push(frame.quantities ?? { default: 1 });
    index++;
    // Past a frame whose header is gone or that runs off the end, no later frame can be located.
    if (frame.next === undefined || frame.next > buffer.byteLength) break;
    position = frame.next;
  }
  let lost = 0;
  for (let rest = index; rest < count; rest++) if (!acked(rest)) lost++;
  if (lost > 0) result.unreadable.push({ default: lost });
  result.damaged = result.unreadable.length > 0 || index < count || position !== buffer.byteLength;
  return result;
}
