import { crc32 } from 'node:zlib';
import { FRAME_HEAD_BYTES, FRAME_OVERHEAD, RECORD_MAGIC } from './encodeSegment';
import { readFrame, readFrameHeader } from './readFrameHeader';
import type { DecodedFrame } from './types';

const MAX_HEADER = 64 * 1024;

/**
 * Reads the frame that starts at `start` (see encodeFrame). No frame there — wrong magic, a head whose CRC
 * does not match, cut short before its header ends — gives `{}`: the reader then looks for the next record
 * magic. A frame whose head is intact but whose body is cut short or altered gives its index, its header's
 * quantities (to count it as lost) and where the next frame starts.
 */
export function decodeFrame(buffer: Buffer, start: number): DecodedFrame {
  if (start + FRAME_HEAD_BYTES > buffer.byteLength || buffer.compare(RECORD_MAGIC, 0, 4, start, start + 4) !== 0)
    return {};
  const index = buffer.readUInt32LE(start + 4);
  const headerLength = buffer.readUInt32LE(start + 8);
  const bodyLength = buffer.readUInt32LE(start + 12);
  const headEnd = start + FRAME_HEAD_BYTES + headerLength;
  const bodyStart = headEnd + 4;
  if (headerLength > MAX_HEADER || bodyStart > buffer.byteLength) return {};
  if (crc32(buffer.subarray(start, headEnd)) !== buffer.readUInt32LE(headEnd)) return {};
  const next = start + FRAME_OVERHEAD + headerLength + bodyLength;
  const header = readFrameHeader(buffer.toString('utf8', start + FRAME_HEAD_BYTES, headEnd));
  if (!header) return { index, next }; // framed and checksummed, but not a record of ours: counted, never sent
  const damaged = { index, quantities: header.quantities, next };
  if (next > buffer.byteLength) return damaged;
  const bytes = buffer.subarray(bodyStart, bodyStart + bodyLength);
  if (crc32(bytes) !== buffer.readUInt32LE(next - 4)) return damaged;
  return readFrame(header, bytes, { index, next });
}
