import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { JournalRecord } from '@faultline/core';
import { createFileJournal } from '@faultline/node';
import { collectingSink, journalRecord, openAndCollect } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { decodeSegment } from '../../src/transports/decodeSegment';
import { plantOwner, records, replayedBodies, scratch, segmentBytes } from './journalFixtures';

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
    // Wall-clock stalls include time the OS gave other processes (CI runs suites side by side on 2 cores):
    // the best of three runs is asserted. A replay that is not sliced stalls hundreds of ms in every run.
    const runs: { openCallMs: number; longestStallMs: number }[] = [];
    for (let run = 0; run < 3 && !runs.some((r) => r.longestStallMs < 50); run++) {
      const directory = await scratch();
      const left = open(directory);
      await openAndCollect(left);
      const backlog = Array.from({ length: 10_000 }, (_, i) => journalRecord({ body: `${i} ${'e'.repeat(1000)}` }));
      await Promise.all(backlog.map((record) => left.append(record)));
      await left.close();

      const next = open(directory);
      const slices: JournalRecord[][] = [];
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const started = performance.now();
      const { sink } = collectingSink();
      const opening = next.open({ ...sink, replay: (batch) => (slices.push(batch), sink.replay(batch)) });
      const openCallMs = performance.now() - started;
      await opening;
      const replayMs = performance.now() - started;
      delay.disable();
      const longestStallMs = delay.max / 1e6;
      console.info(
        `open() ${openCallMs.toFixed(1)} ms, 10,000 replayed in ${replayMs.toFixed(0)} ms, longest stall ${longestStallMs.toFixed(1)} ms`,
      );
      expect(slices.flat().map((r) => r.id)).toEqual(backlog.map((r) => r.id));
      expect(slices.length).toBeGreaterThan(10);
      expect(Math.max(...slices.map((slice) => slice.length))).toBeLessThanOrEqual(512);
      await next.close();
      runs.push({ openCallMs, longestStallMs });
    }
    expect(Math.min(...runs.map((r) => r.openCallMs))).toBeLessThan(10);
    expect(Math.min(...runs.map((r) => r.longestStallMs))).toBeLessThan(50);
  }, 60_000);
});
