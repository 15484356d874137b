import { journalRecord } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { decodeSegment } from '../../src/transports/decodeSegment';
import { encodeFrame, encodeSegment, SEGMENT_MAGIC } from '../../src/transports/encodeSegment';
import { segmentBytes } from './journalFixtures';

const three = () => [
  journalRecord({ body: 'first é', quantities: { error: 1 } }),
  journalRecord({ body: new Uint8Array([0, 255, 10, 13]), gzip: true, quantities: { log_item: 4 } }),
  journalRecord({
    body: 'third',
    quantities: { error: 1 },
    reports: [{ reason: 'queue_overflow', category: 'error', quantity: 2 }],
  }),
];

describe('decodeSegment', () => {
  it('reads back what encodeSegment wrote, intact, with each frame in place', () => {
    const records = three();
    const bytes = segmentBytes(records, [1]);
    const decoded = decodeSegment(bytes);
    expect(decoded.damaged).toBe(false);
    expect(decoded.unreadable).toEqual([]);
    expect(decoded.frames.map((f) => f.acked)).toEqual([false, true, false]);
    expect(decoded.frames.map((f) => f.record)).toEqual(records);
    for (const frame of decoded.frames)
      expect(bytes.subarray(frame.offset, frame.offset + frame.length)).toEqual(encodeFrame(frame.record));
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a file of another format', Buffer.from('{"id":"x"}\nhello')],
    ['the magic line alone', Buffer.from(SEGMENT_MAGIC)],
    ['a count that is not a number', Buffer.from(`${SEGMENT_MAGIC}many\n0\n`)],
  ])('reports %s as one unreadable record', (_, bytes) => {
    expect(decodeSegment(bytes)).toMatchObject({ frames: [], unreadable: [{ default: 1 }], damaged: true });
  });

  it('reports a record cut short by its header quantities, and the records after it as unknown', () => {
    const records = three();
    const bytes = segmentBytes(records);
    const second = decodeSegment(bytes).frames[1]!;
    const cut = bytes.subarray(0, second.offset + second.length - 3);
    const decoded = decodeSegment(cut);
    expect(decoded.frames.map((f) => f.record.id)).toEqual([records[0]!.id]);
    expect(decoded.unreadable).toEqual([{ log_item: 4 }, { default: 1 }]);
    expect(decoded.damaged).toBe(true);
  });

  it('skips a record whose body was altered (checksum) and still reads the ones after it', () => {
    const records = three();
    const bytes = segmentBytes(records);
    const first = decodeSegment(bytes).frames[0]!;
    const at = first.offset + first.length - 2; // last body byte of the first record
    bytes[at] = bytes[at]! ^ 0xff;
    const decoded = decodeSegment(bytes);
    expect(decoded.frames.map((f) => f.record.id)).toEqual([records[1]!.id, records[2]!.id]);
    expect(decoded.unreadable).toEqual([{ error: 1 }]);
  });

  it('does not count unreadable records that were already acknowledged', () => {
    const bytes = segmentBytes(three(), [1, 2]);
    const second = decodeSegment(bytes).frames[1]!;
    expect(decodeSegment(bytes.subarray(0, second.offset + 5)).unreadable).toEqual([]);
  });

  it('never takes request headers or unknown fields from a file, and refuses malformed headers', () => {
    const record = journalRecord({ body: 'planted' });
    const header = (extra: object) =>
      Buffer.from(JSON.stringify({ ...JSON.parse(encodeFrame(record).toString().split('\n')[0]!), ...extra }) + '\n');
    const frame = (extra: object) => Buffer.concat([header(extra), Buffer.from('planted\n')]);
    const planted = decodeSegment(
      encodeSegment([frame({ headers: { Authorization: 'x' }, url: 'http://evil' })]).bytes,
    );
    expect(planted.frames[0]!.record).toEqual(record);
    expect(Object.keys(planted.frames[0]!.record).sort()).toEqual(['body', 'createdAt', 'id', 'quantities']);
    for (const bad of [
      { quantities: { error: -1 } },
      { quantities: { 'Not A Category': 1 } },
      { id: 7 },
      { length: 'x' },
    ])
      expect(decodeSegment(encodeSegment([frame(bad)]).bytes).unreadable).toHaveLength(1);
  });
});
