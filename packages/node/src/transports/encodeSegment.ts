import { crc32 } from 'node:zlib';
import type { JournalRecord } from '@faultline/core';

/** First line of every segment file: a file that does not start with it is not adopted. */
export const SEGMENT_MAGIC = 'faultline-journal 1\n';
/** A segment's name: a zero-padded sequence number (so names sort in write order) and `.fls`. */
export const SEGMENT_NAME = /^\d{12}\.fls$/;
/** The acknowledgement byte of a record that is done ('0' while it is live). */
export const ACKED = 0x31;

/** The JSON line in front of each body. Request headers are never part of it: the destination supplies them. */
export interface FrameHeader {
  id: string;
  createdAt: number;
  gzip: boolean;
  /** The body was bytes (replayed as a Uint8Array), not text. */
  binary: boolean;
  quantities: JournalRecord['quantities'];
  reports?: JournalRecord['reports'];
  /** Body bytes, and their CRC-32: a truncated or altered body is detected and not sent. */
  length: number;
  crc: number;
}

export interface EncodedSegment {
  bytes: Buffer;
  /** Where the acknowledgement bytes start: record i is acknowledged by writing ACKED at ackOffset + i. */
  ackOffset: number;
  /** Each frame's place in the file, so a body can be read back (or copied) with one positioned read. */
  frames: { offset: number; length: number }[];
}

const NEWLINE = Buffer.from('\n');

/** Segment names for sequence numbers: `000000000001.fls`. */
export function segmentName(sequence: number): string {
  return `${String(sequence).padStart(12, '0')}.fls`;
}

/** One record as a frame: its header line, its body bytes, a newline. */
export function encodeFrame(record: JournalRecord): Buffer {
  const { body } = record;
  const bytes =
    typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const header: FrameHeader = {
    id: record.id,
    createdAt: record.createdAt,
    gzip: record.gzip === true,
    binary: typeof body !== 'string',
    quantities: record.quantities,
    ...(record.reports ? { reports: record.reports } : {}),
    length: bytes.byteLength,
    crc: crc32(bytes),
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), bytes, NEWLINE]);
}

/**
 * A segment file: the magic line, the record count, one acknowledgement byte per record, a newline, then
 * the frames. The acknowledgement bytes are written in place, so acknowledging needs no new disk space
 * (a full disk must not stop a delivered record from being forgotten) and a segment stays self-contained.
 */
export function encodeSegment(frames: Buffer[]): EncodedSegment {
  const head = Buffer.from(`${SEGMENT_MAGIC}${frames.length}\n`);
  const acks = Buffer.alloc(frames.length + 1, '0');
  acks[frames.length] = 0x0a;
  let offset = head.byteLength + acks.byteLength;
  const places = frames.map((frame) => {
    const place = { offset, length: frame.byteLength };
    offset += frame.byteLength;
    return place;
  });
  return { bytes: Buffer.concat([head, acks, ...frames], offset), ackOffset: head.byteLength, frames: places };
}
