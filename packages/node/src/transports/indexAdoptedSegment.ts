import type { JournalRecord } from '@faultline/core';
import type { DecodedSegment, Place, Segment, SegmentFolder } from './types';

/**
 * The live records of an adopted segment, placed for reading and acknowledging where they are. A record
 * already `known` is a second copy (a compaction cut short by a crash): its index is returned in `copies`,
 * to be marked done so it is never sent twice.
 */
export function indexAdoptedSegment(
  folder: SegmentFolder,
  file: string,
  decoded: DecodedSegment,
  known: (id: string) => boolean,
): { segment: Segment; places: (Place & { record: JournalRecord })[]; copies: number[] } {
  const { count, format, ackOffset, id } = decoded;
  const segment: Segment = { path: file, folder, count, format, ackOffset, id, live: new Set() };
  folder.segments++;
  const places: (Place & { record: JournalRecord })[] = [];
  const copies: number[] = [];
  for (const { record, index, offset, length, acked } of decoded.frames) {
    if (acked) continue;
    if (known(record.id) || segment.live.has(record.id)) copies.push(index);
    else {
      segment.live.add(record.id);
      places.push({ segment, index, offset, length, record });
    }
  }
  return { segment, places, copies };
}
