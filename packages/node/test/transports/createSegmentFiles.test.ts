import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { journalRecord } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { contiguousRuns, createSegmentFiles } from '../../src/transports/createSegmentFiles';
import { decodeSegment } from '../../src/transports/decodeSegment';
import { encodeFrame } from '../../src/transports/encodeSegment';
import type { SegmentFolder } from '../../src/transports/types';
import { scratch } from './journalFixtures';

describe('contiguousRuns', () => {
  it('groups acknowledged indexes into runs, so a batch of acknowledgements is a few writes', () => {
    expect(contiguousRuns([5, 3, 4, 9, 0, 10, 1])).toEqual([
      [0, 2],
      [3, 3],
      [9, 2],
    ]);
    expect(contiguousRuns([])).toEqual([]);
    expect(contiguousRuns([2, 2, 3])).toEqual([[2, 2]]);
  });
});

describe('createSegmentFiles', () => {
  it('finishes a write under way synchronously at exit, with the acknowledgements made meanwhile', async () => {
    const folder: SegmentFolder = { path: await scratch(), segments: 0, adopted: false, loading: false };
    const files = createSegmentFiles(false);
    const records = Array.from({ length: 200 }, (_, i) => journalRecord({ body: `${i} ${'x'.repeat(2000)}` }));
    const writing = files.write(
      folder,
      records.map((record, index) => encodeFrame(record, index)),
      records.map((record) => record.id),
    );
    files.finishWritesSync(new Set([records[7]!.id])); // the process exits before the write completes
    // Here the process goes on: the write under way either completes (the same bytes, in the same place) or,
    // if it had not opened the file yet, finds it there and stops (EEXIST). Either way the file is whole.
    await writing.catch(() => undefined);
    const decoded = decodeSegment(await readFile(path.join(folder.path, '000000000001.fls')));
    expect(decoded.damaged).toBe(false);
    expect(decoded.frames.map((f) => f.record.id)).toEqual(records.map((r) => r.id));
    expect(decoded.frames.filter((f) => f.acked).map((f) => f.index)).toEqual([7]);
  });
});
