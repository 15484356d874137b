import { crc32 } from 'node:zlib';
import { readFrame, readFrameHeader } from './readFrameHeader';
import type { DecodedFrame, DecodedSegment } from './types';

/** First line of a segment written by version 1 of the format (before records carried their own framing). */
export const LEGACY_MAGIC = 'faultline-journal 1\n';
/** Version 1's acknowledgement byte of a record that is done ('0' while it is live). */
export const LEGACY_ACKED = 0x31;

const MAGIC = Buffer.from(LEGACY_MAGIC);
const MAX_COUNT = 1_000_000;
const MAX_HEADER = 64 * 1024;

/** Reads a version-1 frame (a JSON header line with `length` and `crc`, the body, a newline) at `start`. */
export function decodeLegacyFrame(buffer: Buffer, start: number): DecodedFrame {
  const newline = buffer.indexOf(0x0a, start);
  if (newline < 0 || newline - start > MAX_HEADER) return {};
  const json = buffer.toString('utf8', start, newline);
  const header = readFrameHeader(json);
  const { length, crc } = (header ?? {}) as { length?: unknown; crc?: unknown };
  if (!header || !Number.isSafeInteger(length) || (length as number) < 0 || !Number.isInteger(crc)) return {};
  const bodyStart = newline + 1;
  const next = bodyStart + (length as number) + 1;
  const damaged = { quantities: header.quantities, next };
  if (next > buffer.byteLength || buffer[next - 1] !== 0x0a) return damaged;
  const bytes = buffer.subarray(bodyStart, next - 1);
  if (crc32(bytes) !== crc) return damaged;
  return readFrame(header, bytes, { next });
}

/**
 * Reads a segment in version 1 of the format, as earlier releases left them on disk: the magic line, the
 * record count, one acknowledgement byte per record ('0' live, '1' done), a newline, then the frames. Its
 * frames have no framing of their own: past a header that cannot be read, nothing after it is found.
 */
export function decodeLegacySegment(buffer: Buffer): DecodedSegment {
  const result: DecodedSegment = { format: 1, count: 0, ackOffset: 0, frames: [], unreadable: [], damaged: true };
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
  const acked = (index: number) => buffer[result.ackOffset + index] === LEGACY_ACKED;
  let position = result.ackOffset + count + 1;
  let index = 0;
  while (index < count && buffer[position - 1] === 0x0a) {
    const frame = decodeLegacyFrame(buffer, position);
    if (frame.header) {
      const length = frame.next! - position;
      result.frames.push(
        readFrame(frame.header, frame.bytes!, { index, offset: position, length, acked: acked(index) }),
      );
    } else if (!acked(index)) result.unreadable.push(frame.quantities ?? { default: 1 });
    index++;
    if (frame.next === undefined || frame.next > buffer.byteLength) break;
    position = frame.next;
  }
  let lost = 0;
  for (let rest = index; rest < count; rest++) if (!acked(rest)) lost++;
  if (lost > 0) result.unreadable.push({ default: lost });
  result.damaged = result.unreadable.length > 0 || index < count || position !== buffer.byteLength;
  return result;
}
