import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createFileJournal } from '@faultline/node';
import { journalRecord, openAndCollect } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { decodeSegment } from '../../src/transports/decodeSegment';
import { crash, flipBodyByte, ownerId, records, replayedBodies, scratch } from './journalFixtures';

const isRoot = process.getuid?.() === 0;
const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });
const open = (directory: string, owner = ownerId()) =>
  createFileJournal({ directory, key: 'destination', ownerId: owner, heartbeatMs: 1e9 });
const segmentsUnder = async (directory: string) =>
  (await readdir(directory, { recursive: true })).filter((name) => name.endsWith('.fls'));

describe('createSegmentStore (through createFileJournal)', () => {
  // chattr +a on the folder: files in it may be written but not unlinked (EPERM), as a folder made
  // read-only for deletes; root and a filesystem with inode flags (ext4) are needed.
  it.skipIf(process.getuid?.() !== 0)(
    'writes the acknowledgements when the last record of a segment is acknowledged and the unlink is refused',
    async () => {
      const directory = await scratch();
      const journal = open(directory);
      await openAndCollect(journal);
      const written = records(3, 'delivered');
      await Promise.all(written.map((record) => journal.append(record)));
      const own = path.join(directory, 'destination', (await readdir(path.join(directory, 'destination')))[0]!);
      try {
        execFileSync('chattr', ['+a', own]);
      } catch {
        return; // no inode flags on this filesystem: nothing to test here
      }
      try {
        await Promise.all(written.map((record) => journal.acknowledge(record.id)));
        await journal.close();
      } finally {
        execFileSync('chattr', ['-a', own]);
      }
      const [segment] = await segmentsUnder(own);
      expect(decodeSegment(await readFile(path.join(own, segment!))).frames.every((f) => f.acked)).toBe(true);
      const next = open(directory);
      expect(await replayedBodies(next)).toEqual([]); // nothing delivered is sent again
      await next.close();
    },
  );

  describe('at exit (persistSync: no later turn of the event loop)', () => {
    it('writes what was appended and not yet written, for the next process to replay once', async () => {
      const directory = await scratch();
      const owner = ownerId();
      const journal = open(directory, owner);
      await openAndCollect(journal);
      await journal.append(journalRecord({ body: 'written before' }));
      const late = records(3, 'late');
      for (const record of late) void journal.append(record); // not written yet: the batch is still to come
      journal.persistSync!();
      crash(owner);
      const next = open(directory);
      expect(await replayedBodies(next)).toEqual(['written before', 'late 0', 'late 1', 'late 2']);
      await next.close();
    });

    it('before its folder was even set up: made synchronously, released for the next process', async () => {
      const directory = path.join(await scratch(), 'state', 'faultline');
      const journal = open(directory);
      void openAndCollect(journal);
      void journal.append(journalRecord({ body: 'captured, then process.exit()' }));
      journal.persistSync!(); // the same tick as the first append
      const next = open(directory);
      expect(await replayedBodies(next)).toEqual(['captured, then process.exit()']);
      await next.close();
    });

    it('writes the acknowledgements not yet written, so nothing delivered is sent again', async () => {
      const directory = await scratch();
      const owner = ownerId();
      const journal = open(directory, owner);
      await openAndCollect(journal);
      const [delivered, kept] = records(2, 'r');
      await journal.append(delivered!);
      await journal.append(kept!);
      void journal.acknowledge(delivered!.id);
      journal.persistSync!();
      crash(owner);
      const next = open(directory);
      expect(await replayedBodies(next)).toEqual(['r 1']);
      await next.close();
    });
  });

  it('reads bodies asked for together in one step, each its own, a damaged one undefined', async () => {
    const directory = await scratch();
    const journal = open(directory);
    await openAndCollect(journal);
    const first = records(40, 'first');
    const second = records(40, 'second');
    await Promise.all(first.map((record) => journal.append(record))); // one segment
    await Promise.all(second.map((record) => journal.append(record))); // another
    await flipBodyByte(directory, second[7]!.id);
    const ids = [...first, ...second].map((record) => record.id);
    const bodies = await Promise.all([...ids, ids[3]!, 'never-written'].map((id) => journal.read(id)));
    const expected: (string | Uint8Array | undefined)[] = [...first, ...second].map((record) => record.body);
    expected[40 + 7] = undefined; // its CRC fails: not its body, and not another's
    expect(bodies).toEqual([...expected, 'first 3', undefined]);
    await journal.close();
  });

  describe('a burst spilling bodies out of memory (persistSync keepOpen)', () => {
    // A read-only bind mount is a real EROFS for root too (root ignores modes); mounting needs root.
    it.skipIf(!isRoot)(
      'on a disk that fails: false, what waits stays readable in memory and is written once it heals',
      async () => {
        const directory = await scratch();
        const owner = ownerId();
        const journal = createFileJournal({
          directory,
          key: 'destination',
          ownerId: owner,
          heartbeatMs: 1e9,
          probeMinMs: 20,
          probeMaxMs: 100,
        });
        await openAndCollect(journal);
        const spilled = records(3, 'spilled');
        mount('--bind', directory, directory);
        mount('-o', 'remount,bind,ro', directory);
        try {
          const answers = spilled.map((record) => journal.append(record));
          expect(journal.persistSync!({ keepOpen: true })).toBe(false);
          expect(await Promise.all(answers)).toEqual([false, false, false]);
          expect(await journal.read(spilled[1]!.id)).toBe('spilled 1');
        } finally {
          mount('-o', 'remount,bind,rw', directory);
          execFileSync('umount', [directory]);
        }
        // A probe finds the disk back and writes what it kept: a later append is durable again.
        let durable = false;
        for (const start = Date.now(); !durable && Date.now() - start < 10_000;) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          durable = await journal.append(journalRecord({ body: 'after' }));
        }
        expect(durable).toBe(true);
        crash(owner);
        const next = open(directory);
        const replayed = await replayedBodies(next);
        expect(replayed.filter((body) => String(body).startsWith('spilled'))).toEqual([
          'spilled 0',
          'spilled 1',
          'spilled 2',
        ]);
        await next.close();
      },
      30_000,
    );
  });
});
