import type { JournalRecord } from '@faultline/core';
import type { SegmentFiles } from './createSegmentFiles';
import { decodeFrame } from './decodeFrame';
import { decodeLegacyFrame } from './decodeLegacySegment';
import type { Place, Segment } from './types';

type Body = JournalRecord['body'] | undefined;

/**
 * The store's reads of bodies the transport no longer holds, gathered: every body asked for before the
 * store's chain gets to the read is read in that one step, one open per segment and one read per segment
 * (readFrames). A backlog whose bodies left memory (spilled during a burst) is sent 100 requests at a time:
 * one file opened for them, not 100 opens, reads and closes. A body that cannot be read is undefined.
 */
export function createBodyReader(
  files: Pick<SegmentFiles, 'readFrames'>,
  placed: Map<string, Place>,
  serial: (step: () => Promise<void>) => unknown,
) {
  let asked: Map<string, ((body: Body) => void)[]> | undefined;

  async function readAsked(): Promise<void> {
    const batch = asked!;
    asked = undefined;
    const bodies = new Map<string, Body>();
    try {
      const bySegment = new Map<Segment, [string, Place][]>();
      for (const id of batch.keys()) {
        const at = placed.get(id); // looked up now: a compaction may have moved it since it was asked for
        if (!at) continue;
        const wanted = bySegment.get(at.segment);
        if (wanted) wanted.push([id, at]);
        else bySegment.set(at.segment, [[id, at]]);
      }
      for (const [segment, wanted] of bySegment) {
        const decode = segment.format === 1 ? decodeLegacyFrame : decodeFrame;
        const frames = await files
          .readFrames(
            segment,
            wanted.map(([, at]) => at),
          )
          .catch(() => []);
        frames.forEach((frame, index) => {
          const read = decode(frame, 0);
          if (read.header?.id === wanted[index]![0]) bodies.set(read.header.id, read.record!.body);
        });
      }
    } finally {
      for (const [id, answers] of batch) for (const answer of answers) answer(bodies.get(id));
    }
  }

  return function read(id: string): Promise<Body> {
    return new Promise((resolve) => {
      if (!asked) {
        asked = new Map();
        serial(readAsked);
      }
      const answers = asked.get(id);
      if (answers) answers.push(resolve);
      else asked.set(id, [resolve]);
    });
  };
}
