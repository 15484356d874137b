import { describe, expect, it } from 'vitest';
import { contiguousRuns } from '../../src/transports/createSegmentFiles';

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
