import { decodeFrame } from './decodeFrame';
import { readFrame } from './readFrameHeader';
import { decodeLegacySegment, LEGACY_MAGIC } from './decodeLegacySegment';
import { crc32 } from 'node:zlib';
import { ACK_DONE, ACK_LIVE, ACK_OFFSET, HEAD_CRC_OFFSET, RECORD_MAGIC, SEGMENT_MAGIC } from './encodeSegment';
import type { DecodedFrame, DecodedSegment } from './types';

const MAGIC = Buffer.from(SEGMENT_MAGIC);
const LEGACY = Buffer.from(LEGACY_MAGIC);
const MAX_COUNT = 1_000_000;

/** An acknowledgement byte read by majority: five or more of its eight bits set means done (see ACK_DONE). */
export function isAcked(byte: number | undefined): boolean {
  if (byte === undefined) return false; // cut off: live (sending twice beats losing)
  let bits = 0;
  for (let value = byte; value; value &= value - 1) bits++;
  return bits >= 5;
}

/**
 * Reads a whole segment file, trusting only what checks out. Records are found by their own framing and
 * CRCs — resyncing on the record magic past anything damaged, so a damaged head or record costs no other
 * record — and matched with their acknowledgement bytes by the index each frame carries. The count comes
 * from the head when its complement agrees, else from where record 0 starts. Each record that cannot be
 * read and was not acknowledged is listed in `unreadable`, with its header's quantities when its head is
 * intact, else as `{ default: n }`. Files in version 1 of the format are read by decodeLegacySegment.
 */
export function decodeSegment(buffer: Buffer): DecodedSegment {
  if (buffer.subarray(0, LEGACY.byteLength).equals(LEGACY)) return decodeLegacySegment(buffer);
  const result: DecodedSegment = {
    format: 2,
    count: 0,
    ackOffset: ACK_OFFSET,
    frames: [],
    unreadable: [],
    damaged: false,
  };
  let count = headCount(buffer);
  const found = new Map<number, DecodedFrame & { offset?: number }>();
  let position = count === undefined ? ACK_OFFSET : ACK_OFFSET + count;
  let resynced = false;
  while (position < buffer.byteLength) {
    const frame = decodeFrame(buffer, position);
    if (frame.next === undefined) {
      resynced = true;
      const magic = buffer.indexOf(RECORD_MAGIC, position + 1);
      if (magic < 0) break;
      position = magic;
      continue;
    }
    if (!found.has(frame.index!)) found.set(frame.index!, Object.assign(frame, { offset: position }));
    position = frame.next;
  }
  if (count === undefined) {
    // The head is damaged: record 0 starts right after the acknowledgement bytes, one per record.
    let known = 0;
    for (const index of found.keys()) if (index < MAX_COUNT) known = Math.max(known, index + 1);
    const zero = found.get(0);
    count = Math.max(known, zero ? zero.offset! - ACK_OFFSET : 0);
  }
  if (count === 0) {
    result.unreadable.push({ default: 1 });
    result.damaged = true;
    return result;
  }
  result.count = count;
  let lost = 0;
  let clean = !resynced && position === buffer.byteLength && headCount(buffer) === count;
  clean &&= buffer.subarray(0, MAGIC.byteLength).equals(MAGIC);
  for (let index = 0; index < count; index++) {
    const byte = buffer[ACK_OFFSET + index];
    clean &&= byte === ACK_LIVE || byte === ACK_DONE;
    const acked = isAcked(byte);
    const frame = found.get(index);
    if (frame?.header) {
      const { header, bytes, offset, next } = frame;
      result.frames.push(readFrame(header, bytes!, { index, offset: offset!, length: next! - offset!, acked }));
      continue;
    }
    clean = false;
    if (acked) continue;
    if (frame?.quantities) result.unreadable.push(frame.quantities);
    else lost++;
  }
  if (lost > 0) result.unreadable.push({ default: lost });
  result.damaged = !clean || found.size !== count;
  // The ids are trusted only under their CRC: without them, a compaction and its source may both be replayed.
  if (
    buffer.byteLength >= ACK_OFFSET &&
    crc32(buffer.subarray(MAGIC.byteLength, HEAD_CRC_OFFSET)) === buffer.readUInt32LE(HEAD_CRC_OFFSET)
  ) {
    result.id = buffer.toString('hex', MAGIC.byteLength + 8, MAGIC.byteLength + 16);
    const source = buffer.toString('hex', MAGIC.byteLength + 16, MAGIC.byteLength + 24);
    if (source !== '0000000000000000') result.source = source;
  } else result.damaged = true;
  return result;
}

/** The record count the head states, when its complement agrees. */
function headCount(buffer: Buffer): number | undefined {
  if (buffer.byteLength < MAGIC.byteLength + 8) return undefined;
  const count = buffer.readUInt32LE(MAGIC.byteLength);
  if ((count ^ buffer.readUInt32LE(MAGIC.byteLength + 4)) >>> 0 !== 0xffffffff) return undefined;
  return count >= 1 && count <= MAX_COUNT ? count : undefined;
}
