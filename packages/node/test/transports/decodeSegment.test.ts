import { crc32 } from 'node:zlib';
import type { JournalRecord } from '@faultline/core';
import { journalRecord } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { decodeLegacySegment, LEGACY_MAGIC } from '../../src/transports/decodeLegacySegment';
import { decodeSegment, isAcked } from '../../src/transports/decodeSegment';
import { ACK_OFFSET, encodeFrame, encodeSegment, SEGMENT_MAGIC } from '../../src/transports/encodeSegment';
import { legacySegmentBytes, segmentBytes } from './journalFixtures';

const three = () => [
  journalRecord({ body: 'first é', quantities: { error: 1 } }),
  journalRecord({ body: new Uint8Array([0, 255, 10, 13]), gzip: true, quantities: { log_item: 4 } }),
  journalRecord({
    body: 'third',
    quantities: { error: 1 },
    reports: [{ reason: 'queue_overflow', category: 'error', quantity: 2 }],
  }),
];

/** What a reader makes of a file: records it would replay, and records it counts as lost. */
function outcome(bytes: Buffer) {
  const decoded = decodeSegment(bytes);
  // Records lost: `{ default: n }` stands for n records whose heads are gone; any other entry for one record.
  const lost = decoded.unreadable.reduce((sum, quantities) => sum + (quantities.default ?? 1), 0);
  return { live: decoded.frames.filter((f) => !f.acked).map((f) => f.record.id), lost, decoded };
}

describe('decodeSegment', () => {
  it('reads back what encodeSegment wrote, intact, with each frame in place', () => {
    const records = three();
    const bytes = segmentBytes(records, [1]);
    const decoded = decodeSegment(bytes);
    expect(decoded).toMatchObject({ format: 2, count: 3, ackOffset: ACK_OFFSET, damaged: false, unreadable: [] });
    expect(decoded.id).toMatch(/^[0-9a-f]{16}$/);
    expect(decoded.source).toBeUndefined();
    expect(decoded.frames.map((f) => f.acked)).toEqual([false, true, false]);
    expect(decoded.frames.map((f) => f.record)).toEqual(records);
    for (const frame of decoded.frames)
      expect(bytes.subarray(frame.offset, frame.offset + frame.length)).toEqual(encodeFrame(frame.record, frame.index));
  });

  it('names the segment a compaction copies from, under the head CRC', () => {
    const source = decodeSegment(segmentBytes(three())).id!;
    const compaction = encodeSegment([encodeFrame(three()[0]!, 0)], source).bytes;
    expect(decodeSegment(compaction)).toMatchObject({ source, damaged: false });
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a file of another format', Buffer.from('{"id":"x"}\nhello')],
    ['the magic line alone', Buffer.from(SEGMENT_MAGIC)],
    [
      'a head with a count its complement denies, and no frame',
      Buffer.concat([Buffer.from(SEGMENT_MAGIC), Buffer.alloc(40, 7)]),
    ],
  ])('reports %s as one unreadable record', (_, bytes) => {
    expect(decodeSegment(bytes)).toMatchObject({ frames: [], unreadable: [{ default: 1 }], damaged: true });
  });

  it('finds every record past a damaged one by its own framing (resync on the record magic)', () => {
    const records = three();
    const bytes = segmentBytes(records);
    const first = decodeSegment(bytes).frames[0]!;
    bytes[first.offset + 9] = bytes[first.offset + 9]! ^ 0x40; // the first frame's header length: its head CRC no longer matches
    const { live, decoded } = outcome(bytes);
    expect(live).toEqual([records[1]!.id, records[2]!.id]);
    expect(decoded.unreadable).toEqual([{ default: 1 }]);
    expect(decoded.damaged).toBe(true);
  });

  it('counts a record whose body was altered with its header quantities, and reads the ones after it', () => {
    const records = three();
    const bytes = segmentBytes(records);
    const second = decodeSegment(bytes).frames[1]!;
    bytes[second.offset + second.length - 6] = bytes[second.offset + second.length - 6]! ^ 0x01; // a body byte
    expect(outcome(bytes).live).toEqual([records[0]!.id, records[2]!.id]);
    expect(decodeSegment(bytes).unreadable).toEqual([{ log_item: 4 }]);
  });

  it('reads the count from where record 0 starts when the head is damaged', () => {
    const records = three();
    const bytes = segmentBytes(records, [0]);
    bytes[SEGMENT_MAGIC.length] = bytes[SEGMENT_MAGIC.length]! ^ 0x02; // the count: its complement no longer agrees, nor the head CRC
    const decoded = decodeSegment(bytes);
    expect(decoded.count).toBe(3);
    expect(decoded.frames.map((f) => [f.record.id, f.acked])).toEqual(records.map((r, i) => [r.id, i === 0]));
    expect(decoded.unreadable).toEqual([]);
    expect(decoded.damaged).toBe(true); // rewritten by the next owner
  });

  it('does not count unreadable records that were already acknowledged', () => {
    const bytes = segmentBytes(three(), [1, 2]);
    const second = decodeSegment(bytes).frames[1]!;
    expect(decodeSegment(bytes.subarray(0, second.offset + 5)).unreadable).toEqual([]);
  });

  it('never takes request headers or unknown fields from a file, and counts malformed headers', () => {
    const record = journalRecord({ body: 'planted' });
    const frameWith = (extra: object) => {
      const frame = encodeFrame(record, 0);
      const headerLength = frame.readUInt32LE(8);
      const header = { ...JSON.parse(frame.toString('utf8', 16, 16 + headerLength)), ...extra };
      return plantedFrame(JSON.stringify(header), 'planted');
    };
    const planted = decodeSegment(
      encodeSegment([frameWith({ headers: { Authorization: 'x' }, url: 'http://evil' })]).bytes,
    );
    expect(planted.frames[0]!.record).toEqual(record);
    expect(Object.keys(planted.frames[0]!.record).sort()).toEqual(['body', 'createdAt', 'id', 'quantities']);
    for (const bad of [
      { quantities: { error: -1 } },
      { quantities: { 'Not A Category': 1 } },
      { id: 7 },
      { gzip: 'x' },
    ])
      expect(decodeSegment(encodeSegment([frameWith(bad)]).bytes).unreadable).toEqual([{ default: 1 }]);
  });

  it('flips every bit of a small segment, one at a time: no live record forgotten, none replayed twice or after its acknowledgement, every loss counted', () => {
    const records = [journalRecord({ body: 'a' }), journalRecord({ body: 'bb' }), journalRecord({ body: 'ccc' })];
    const acked = [1];
    const clean = segmentBytes(records, acked);
    const live = records.filter((_, i) => !acked.includes(i)).map((r) => r.id);
    const worst = { lost: 0, bit: -1 };
    for (let bit = 0; bit < clean.byteLength * 8; bit++) {
      const bytes = Buffer.from(clean);
      bytes[bit >> 3] = bytes[bit >> 3]! ^ (1 << (bit & 7));
      const result = outcome(bytes);
      const label = `bit ${bit} (byte ${bit >> 3})`;
      // Nothing acknowledged comes back, nothing comes back twice, nothing is made up.
      expect(new Set(result.live).size, label).toBe(result.live.length);
      for (const id of result.live) expect(live, label).toContain(id);
      // What does not come back is counted: a flip costs at most the one record it hit.
      expect(result.live.length + result.lost, label).toBeGreaterThanOrEqual(live.length);
      expect(result.lost, label).toBeLessThanOrEqual(1);
      if (result.lost > worst.lost) Object.assign(worst, { lost: result.lost, bit });
    }
  });

  it('cuts a segment at every offset: the records before the cut come back, the live ones after it are counted', () => {
    const records = three();
    const clean = segmentBytes(records, [2]);
    const ends = decodeSegment(clean).frames.map((f) => f.offset + f.length);
    for (let length = 0; length <= clean.byteLength; length++) {
      const { live, lost } = outcome(clean.subarray(0, length));
      const whole = ends.filter((end) => end <= length).length;
      const expected = records.slice(0, Math.min(whole, 2)).map((r) => r.id);
      expect(live, `cut at ${length}`).toEqual(expected);
      // Without the count, nothing says how many records there were: one loss, counted. Without a record's
      // acknowledgement byte, it counts as live (sending twice beats losing): counted when lost.
      const countKnown = length >= SEGMENT_MAGIC.length + 8;
      expect(lost, `cut at ${length}`).toBe(!countKnown ? 1 : length < ACK_OFFSET + 3 ? 3 : 2 - expected.length);
    }
  });
});

describe('isAcked', () => {
  it('reads an acknowledgement byte by majority, so one flipped bit never changes what it says', () => {
    expect(isAcked(0x00)).toBe(false);
    expect(isAcked(0xff)).toBe(true);
    for (let bit = 0; bit < 8; bit++) {
      expect(isAcked(0x00 ^ (1 << bit))).toBe(false);
      expect(isAcked(0xff ^ (1 << bit))).toBe(true);
    }
    expect(isAcked(undefined)).toBe(false);
  });
});

describe('decodeLegacySegment (format 1, as earlier releases left it)', () => {
  it('reads a version-1 segment, with its acknowledgements', () => {
    const records: JournalRecord[] = three();
    const bytes = legacySegmentBytes(records, [0]);
    expect(bytes.subarray(0, LEGACY_MAGIC.length).toString()).toBe(LEGACY_MAGIC);
    const decoded = decodeSegment(bytes);
    expect(decoded).toMatchObject({ format: 1, count: 3, damaged: false, unreadable: [] });
    expect(decoded.frames.map((f) => [f.record, f.acked])).toEqual(records.map((r, i) => [r, i === 0]));
    expect(decodeLegacySegment(bytes)).toEqual(decoded);
  });
});

/** A frame written by hand (a planted one): its own head CRC and body CRC, so only its content is wrong. */
function plantedFrame(headerJson: string, body: string): Buffer {
  const header = Buffer.from(headerJson);
  const bytes = Buffer.from(body);
  const frame = Buffer.alloc(24 + header.byteLength + bytes.byteLength);
  Buffer.from([0xf7, 0x46, 0x4c, 0xd2]).copy(frame, 0);
  frame.writeUInt32LE(0, 4);
  frame.writeUInt32LE(header.byteLength, 8);
  frame.writeUInt32LE(bytes.byteLength, 12);
  header.copy(frame, 16);
  frame.writeUInt32LE(crc32(frame.subarray(0, 16 + header.byteLength)), 16 + header.byteLength);
  bytes.copy(frame, 20 + header.byteLength);
  frame.writeUInt32LE(crc32(bytes), frame.byteLength - 4);
  return frame;
}
