import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { JournalRecord } from '@faultline/core';
import type { FrameHeader } from './readFrameHeader';

/** First bytes of every segment file (version 2 of the format; version 1 is still read, see decodeLegacySegment). */
export const SEGMENT_MAGIC = 'faultline-journal 2\n';
/** A segment's name: a zero-padded sequence number (so names sort in write order) and `.fls`. */
export const SEGMENT_NAME = /^\d{12}\.fls$/;
/** After the magic: the record count and its complement (u32 each), the segment's id and its source's (8 bytes each). */
const HEAD_FIELDS = SEGMENT_MAGIC.length;
/** A CRC-32 of those fields ends the head; the acknowledgement bytes start after it. */
export const HEAD_CRC_OFFSET = HEAD_FIELDS + 24;
export const ACK_OFFSET = HEAD_CRC_OFFSET + 4;
/**
 * A record's acknowledgement byte: 0x00 while it is live, 0xFF once done — eight bits apart, read by majority
 * (see isAcked), so no single flipped bit forgets a live record or sends a done one again.
 */
export const ACK_LIVE = 0x00;
export const ACK_DONE = 0xff;
/** Starts every frame: how a reader finds the records after a damaged one (it resyncs on this). */
export const RECORD_MAGIC = Buffer.from([0xf7, 0x46, 0x4c, 0xd2]);
/** Magic, index, header length, body length (u32 each); then the header, its CRC, the body, the body's CRC. */
export const FRAME_HEAD_BYTES = 16;
export const FRAME_OVERHEAD = FRAME_HEAD_BYTES + 8;

export interface EncodedSegment {
  bytes: Buffer;
  /** The segment's random id (hex), which a compaction of it names as its source. */
  id: string;
  /** Each frame's place in the file, so a body can be read back with one positioned read. */
  frames: { offset: number; length: number }[];
}

/** Segment names for sequence numbers: `000000000001.fls`. */
export function segmentName(sequence: number): string {
  return `${String(sequence).padStart(12, '0')}.fls`;
}

/**
 * One record as a frame, the `index`-th of its segment: the record magic, the index, the lengths of header
 * and body, the header (JSON), a CRC-32 of everything so far (the frame's head), the body, a CRC-32 of the
 * body. Everything a frame says is checked, so a reader trusts no byte a flip could have changed.
 */
export function encodeFrame(record: JournalRecord, index: number): Buffer {
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
  };
  const json = Buffer.from(JSON.stringify(header));
  const frame = Buffer.allocUnsafe(FRAME_OVERHEAD + json.byteLength + bytes.byteLength);
  RECORD_MAGIC.copy(frame, 0);
  frame.writeUInt32LE(index, 4);
  frame.writeUInt32LE(json.byteLength, 8);
  frame.writeUInt32LE(bytes.byteLength, 12);
  json.copy(frame, FRAME_HEAD_BYTES);
  const headEnd = FRAME_HEAD_BYTES + json.byteLength;
  frame.writeUInt32LE(crc32(frame.subarray(0, headEnd)), headEnd);
  bytes.copy(frame, headEnd + 4);
  frame.writeUInt32LE(crc32(bytes), frame.byteLength - 4);
  return frame;
}

/**
 * A segment file: the magic, the record count and its complement, the segment's random id and (for a
 * compaction) the id of the segment whose live records it copies, a CRC-32 of those, one acknowledgement
 * byte per record, then the frames (each the `i`-th, as encodeFrame wrote it). Acknowledging writes a byte
 * in place, so it needs no new disk space (a full disk must not stop a delivered record from being
 * forgotten). A reader that finds both a compaction and its source (a crash between writing one and
 * removing the other) replays only one of them.
 */
export function encodeSegment(frames: Buffer[], source?: string): EncodedSegment {
  const head = Buffer.alloc(ACK_OFFSET + frames.length, ACK_LIVE);
  head.write(SEGMENT_MAGIC, 0, 'latin1');
  head.writeUInt32LE(frames.length, HEAD_FIELDS);
  head.writeUInt32LE(~frames.length >>> 0, HEAD_FIELDS + 4);
  const id = randomBytes(8);
  id.copy(head, HEAD_FIELDS + 8);
  if (source) head.write(source, HEAD_FIELDS + 16, 8, 'hex');
  head.writeUInt32LE(crc32(head.subarray(HEAD_FIELDS, HEAD_CRC_OFFSET)), HEAD_CRC_OFFSET);
  let offset = head.byteLength;
  const places = frames.map((frame) => {
    const place = { offset, length: frame.byteLength };
    offset += frame.byteLength;
    return place;
  });
  return { bytes: Buffer.concat([head, ...frames], offset), id: id.toString('hex'), frames: places };
}
