import type { DecodedSegment, Place, Segment, SegmentFolder, SegmentFrame } from './types';

/**
 * The live records of an adopted segment, placed for reading and acknowledging where they are. A record
 * already `known` is a second copy (a compaction cut short by a crash): its index is returned in `copies`,
 * to be marked done so it is never sent twice. No body is read here: each frame makes its record when asked.
 */
export function indexAdoptedSegment(
  folder: SegmentFolder,
  file: string,
  decoded: DecodedSegment,
  known: (id: string) => boolean,
): { segment: Segment; places: (Place & { frame: SegmentFrame })[]; copies: number[] } {
  const { count, format, ackOffset, id } = decoded;
  const segment: Segment = { path: file, folder, count, format, ackOffset, id, live: new Set() };
  folder.segments++;
  const places: (Place & { frame: SegmentFrame })[] = [];
  const copies: number[] = [];
  for (const frame of decoded.frames) {
    const { header, index, offset, length, acked } = frame;
    if (acked) continue;
    if (known(header.id) || segment.live.has(header.id)) copies.push(index);
    else {
      segment.live.add(header.id);
      places.push({ segment, index, offset, length, frame });
    }
  }
  return { segment, places, copies };
}
