import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { JournalRecord } from '@faultline/core';
import { createFileJournal } from '@faultline/node';
import { collectingSink, journalRecord, openAndCollect } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { decodeSegment } from '../../src/transports/decodeSegment';
import { ACK_OFFSET, SEGMENT_MAGIC } from '../../src/transports/encodeSegment';
import { legacySegmentBytes, plantOwner, records, replayedBodies, scratch, segmentBytes } from './journalFixtures';

const open = (directory: string) => createFileJournal({ directory, key: 'destination' });

describe('replayAdoptedFolder (through createFileJournal)', () => {
  it('reports empty, foreign, truncated and altered records once, removes them, and replays the rest', async () => {
    const directory = await scratch();
    const journal = path.join(directory, 'destination');
    const cut = [
      journalRecord({ body: 'before the cut' }),
      journalRecord({ body: 'cut', quantities: { log_item: 3 } }),
      journalRecord(),
    ];
    const whole = segmentBytes(cut);
    const second = decodeSegment(whole).frames[1]!;
    const altered = segmentBytes([
      journalRecord({ body: 'altered', quantities: { error: 2 } }),
      journalRecord({ body: 'intact' }),
    ]);
    const flipped = decodeSegment(altered).frames[0]!;
    const at = flipped.offset + flipped.length - 2;
    altered[at] = altered[at]! ^ 1;
    const { folder } = await plantOwner(
      journal,
      [
        Buffer.alloc(0),
        Buffer.from('not a journal\n'),
        whole.subarray(0, second.offset + second.length - 3),
        altered,
        segmentBytes(records(1, 'fine')),
      ],
      { lock: false },
    );
    await writeFile(path.join(folder, '000000000009.fls'), ''); // zero-length, as a crash before the write leaves it
    const first = open(directory);
    const seen = await openAndCollect(first);
    expect(seen.replayed.map((r) => r.body)).toEqual(['before the cut', 'intact', 'fine 0']);
    expect(seen.unreadable).toEqual([
      { default: 1 },
      { default: 1 },
      { log_item: 3 },
      { default: 1 },
      { error: 2 },
      { default: 1 },
    ]);
    await first.close();
    // The damaged files are gone (their live records rewritten in the adopter's folder): nothing is reported twice.
    const next = open(directory);
    const again = await openAndCollect(next);
    expect(again.replayed.map((r) => r.body).sort()).toEqual(['before the cut', 'fine 0', 'intact']);
    expect(again.unreadable).toEqual([]);
    await next.close();
  });

  it('skips files that are not segments and keeps them', async () => {
    const directory = await scratch();
    const { folder } = await plantOwner(path.join(directory, 'destination'), [segmentBytes(records(1, 'ok'))], {
      lock: false,
    });
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    const next = open(directory);
    expect(await replayedBodies(next)).toEqual(['ok 0']);
    await next.close();
    const moved = (await readdir(path.join(directory, 'destination'), { recursive: true })).filter((f) =>
      f.endsWith('notes.txt'),
    );
    expect(moved).toHaveLength(1);
  });

  it('opens at once on 10,000 records left behind and replays them in slices without stalling the event loop', async () => {
    // A stall is counted for what this process itself spent in it (CPU time), not for the time the OS gave
    // other processes (suites run side by side on 2 shared cores): a replay that is not sliced spends
    // hundreds of ms of its own in one turn, whatever the machine's load. The best of three runs is asserted.
    const runs: { openCallMs: number; longestStallMs: number }[] = [];
    for (let run = 0; run < 3 && !runs.some((r) => r.longestStallMs < 50 && r.openCallMs < 10); run++) {
      const directory = await scratch();
      const left = open(directory);
      await openAndCollect(left);
      const backlog = Array.from({ length: 10_000 }, (_, i) => journalRecord({ body: `${i} ${'e'.repeat(1000)}` }));
      await Promise.all(backlog.map((record) => left.append(record)));
      await left.close();

      const next = open(directory);
      const slices: JournalRecord[][] = [];
      const stalls = watchBusyStalls();
      const started = performance.now();
      const { sink } = collectingSink();
      const opening = next.open({ ...sink, replay: (batch) => (slices.push(batch), sink.replay(batch)) });
      const openCallMs = performance.now() - started;
      await opening;
      const replayMs = performance.now() - started;
      const longestStallMs = stalls.stop();
      console.info(
        `open() ${openCallMs.toFixed(1)} ms, 10,000 replayed in ${replayMs.toFixed(0)} ms, longest busy stall ${longestStallMs.toFixed(1)} ms`,
      );
      expect(slices.flat().map((r) => r.id)).toEqual(backlog.map((r) => r.id));
      expect(slices.length).toBeGreaterThan(10);
      // Made (bodies copied out of the segment) a slice at a time as they are offered, not a segment at once.
      expect(Math.max(...slices.map((slice) => slice.length))).toBeLessThanOrEqual(32);
      await next.close();
      runs.push({ openCallMs, longestStallMs });
    }
    expect(Math.min(...runs.map((r) => r.openCallMs))).toBeLessThan(10);
    expect(Math.min(...runs.map((r) => r.longestStallMs))).toBeLessThan(50);
  }, 60_000);
});

describe('replayAdoptedFolder on damaged files (real files, one fault each)', () => {
  const live = [0, 2, 3]; // record 1 was acknowledged
  const bodies = ['zero', 'one', 'two', 'three'];
  /**
   * Where each fault lands, given the clean file and its decoded frames, and the record it costs (-1: none).
   * A record whose head is hit is counted as `{ default: 1 }` (what it carried is not trusted any more); one
   * whose body is hit, with its header's quantities.
   */
  const faults: [string, (bytes: Buffer, frames: { offset: number; length: number }[]) => number, number][] = [
    ['a bit of the segment magic', () => 3, -1],
    ['a bit of the record count', () => SEGMENT_MAGIC.length, -1],
    ['a bit of the segment id (head CRC)', () => SEGMENT_MAGIC.length + 9, -1],
    ['the acknowledgement byte of a live record', () => ACK_OFFSET + 2, -1],
    ['the acknowledgement byte of a done record', () => ACK_OFFSET + 1, -1],
    ['a bit of a record magic', (_, frames) => frames[2]!.offset + 1, 2],
    ['a bit of a record index', (_, frames) => frames[2]!.offset + 4, 2],
    ['a bit of a header length', (_, frames) => frames[2]!.offset + 8, 2],
    ['a bit of a header', (_, frames) => frames[2]!.offset + 30, 2],
    ['a bit of a body', (_, frames) => frames[2]!.offset + frames[2]!.length - 6, 2],
    ['a bit of a body CRC', (_, frames) => frames[2]!.offset + frames[2]!.length - 2, 2],
    ['a bit of a done record', (_, frames) => frames[1]!.offset + frames[1]!.length - 6, -1],
  ];

  it.each(faults)(
    '%s: every other live record replayed, the one hit counted, nothing twice',
    async (name, at, lost) => {
      const directory = await scratch();
      const written = bodies.map((body) => journalRecord({ body, quantities: { error: 1 } }));
      const bytes = segmentBytes(written, [1]);
      const offset = at(bytes, decodeSegment(bytes).frames);
      bytes[offset] = bytes[offset]! ^ 0x04;
      await plantOwner(path.join(directory, 'destination'), [bytes], { lock: false });
      const first = open(directory);
      const seen = await openAndCollect(first);
      const expected = live.filter((index) => index !== lost).map((index) => bodies[index]);
      expect(seen.replayed.map((r) => r.body)).toEqual(expected);
      const headHit = name.includes('record magic') || name.includes('index') || name.includes('header');
      expect(seen.unreadable).toEqual(lost < 0 ? [] : [headHit ? { default: 1 } : { error: 1 }]);
      await first.close();
      // Damaged files are rewritten (or removed) by the first owner: the next one counts nothing again.
      const next = open(directory);
      const again = await openAndCollect(next);
      expect(again.replayed.map((r) => r.body).sort()).toEqual([...expected].sort());
      expect(again.unreadable).toEqual([]);
      await next.close();
    },
  );

  it('replays a segment an earlier release wrote (format 1), and forgets what is acknowledged there', async () => {
    const directory = await scratch();
    const written = records(3, 'v1');
    await plantOwner(path.join(directory, 'destination'), [legacySegmentBytes(written, [1])], { lock: false });
    const first = open(directory);
    const seen = await openAndCollect(first);
    expect(seen.replayed.map((r) => r.body)).toEqual(['v1 0', 'v1 2']);
    await first.acknowledge(seen.replayed[0]!.id);
    await first.close();
    const next = open(directory);
    expect(await replayedBodies(next)).toEqual(['v1 2']);
    await next.close();
  });
});

/**
 * The longest stretch the event loop was held by this process's own work: per late tick of a 5 ms timer, the
 * lesser of its lateness and the CPU the process used meanwhile (a process the OS did not run burns none).
 */
function watchBusyStalls(): { stop(): number } {
  let longest = 0;
  let last = { wall: performance.now(), cpu: process.cpuUsage() };
  const timer = setInterval(() => {
    const wall = performance.now();
    const late = wall - last.wall - 5;
    if (late > 10) {
      const cpu = process.cpuUsage(last.cpu);
      longest = Math.max(longest, Math.min(late, (cpu.user + cpu.system) / 1000));
    }
    last = { wall, cpu: process.cpuUsage() };
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return longest;
    },
  };
}
