import { spawnSync } from 'node:child_process';
import { chown, lstat, mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getCarrier, type JournalRecord } from '@faultline/core';
import { createFileJournal } from '@faultline/node';
import { collectingSink, openAndCollect } from '@faultline/test-utils';
import { describe, expect, it, vi } from 'vitest';
import {
  crash,
  ownerId,
  plantOwner,
  records,
  replayedBodies,
  scratch,
  segmentBytes,
  steppedClock,
} from './journalFixtures';

type Options = Partial<Parameters<typeof createFileJournal>[0]>;
const journalOf = (directory: string, options: Options = {}) =>
  createFileJournal({ directory, key: 'destination', ownerId: ownerId(), ...options });
const until = async (condition: () => boolean, ms = 5000) => {
  for (const start = Date.now(); !condition() && Date.now() - start < ms;) await new Promise((r) => setTimeout(r, 10));
};

describe('adoptOrphans (through createFileJournal)', () => {
  it('leaves a live owner alone across heartbeats, and adopts its journal once it closes', async () => {
    const directory = await scratch();
    const alive = journalOf(directory, { heartbeatMs: 20 });
    await openAndCollect(alive);
    const written = records(5, 'alive');
    for (const record of written) await alive.append(record);
    const other = journalOf(directory, { heartbeatMs: 20 });
    const seen = await openAndCollect(other);
    await new Promise((resolve) => setTimeout(resolve, 200)); // ten heartbeats of both
    expect(seen.replayed).toEqual([]);
    await alive.close();
    await until(() => seen.replayed.length === 5);
    expect(seen.replayed.map((r) => r.body)).toEqual(written.map((r) => r.body));
    const third = journalOf(directory);
    expect(await replayedBodies(third)).toEqual([]);
    await Promise.all([third.close(), other.close()]);
  });

  it('gives a dead owner’s journal to exactly one of two racing adopters', async () => {
    for (let round = 0; round < 10; round++) {
      const directory = await scratch();
      const owner = ownerId();
      const dead = journalOf(directory, { heartbeatMs: 1e9, ownerId: owner });
      await openAndCollect(dead);
      const written = records(50, `round ${round}`);
      await Promise.all(written.map((record) => dead.append(record)));
      crash(owner);
      const [a, b] = [journalOf(directory), journalOf(directory)];
      const [first, second] = await Promise.all([openAndCollect(a), openAndCollect(b)]);
      const ids = [...first.replayed, ...second.replayed].map((r: JournalRecord) => r.id);
      expect(ids.sort()).toEqual(written.map((r) => r.id).sort());
      expect(first.replayed.length === 0 || second.replayed.length === 0).toBe(true);
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('adopts at once a fresh lock whose process has exited (same host, boot and pid namespace)', async () => {
    const directory = await scratch();
    const exited = spawnSync(process.execPath, ['-e', '']).pid!; // its pid is free now
    await plantOwner(path.join(directory, 'destination'), [segmentBytes(records(2, 'crashed'))], {
      lock: { pid: exited },
    });
    const next = journalOf(directory);
    expect(await replayedBodies(next)).toEqual(['crashed 0', 'crashed 1']);
    await next.close();
  });

  it('never takes a fresh lock of pid 1 from another container (another pid namespace)', async () => {
    const directory = await scratch();
    const journal = path.join(directory, 'destination');
    await mkdir(journal, { mode: 0o700 });
    const other = await plantOwner(journal, [segmentBytes(records(2))], {
      lock: { pid: process.pid, pidns: 'pid:[1]' },
    });
    const next = journalOf(directory);
    expect(await replayedBodies(next)).toEqual([]);
    await next.close();
    expect(await readdir(other.folder)).toContain('000000000001.fls');
  });

  it('adopts a fresh lock with our pid but an owner id not alive here (the pid of a dead process, reused)', async () => {
    const directory = await scratch();
    await plantOwner(path.join(directory, 'destination'), [segmentBytes(records(1, 'reused'))], {
      lock: { pid: process.pid },
    });
    const next = journalOf(directory);
    expect(await replayedBodies(next)).toEqual(['reused 0']);
    await next.close();
  });

  it('adopts what an adopter had adopted when the adopter dies in turn, once', async () => {
    const directory = await scratch();
    const journal = path.join(directory, 'destination');
    await plantOwner(journal, [segmentBytes(records(1, 'first'))], { lock: false });
    const owner = ownerId();
    const adopter = journalOf(directory, { heartbeatMs: 1e9, ownerId: owner });
    expect(await replayedBodies(adopter)).toEqual(['first 0']);
    await adopter.append(records(1, 'own')[0]!);
    // The adopter dies without acknowledging: both its own record and the one it adopted go to the next.
    crash(owner);
    const next = journalOf(directory);
    const { replayed } = await openAndCollect(next);
    expect(replayed.map((r) => r.body).sort()).toEqual(['first 0', 'own 0']);
    await Promise.all(replayed.map((record) => next.acknowledge(record.id)));
    await next.close();
    // Every adopted folder went with its last segment: only the owners' folders (empty, released) remain.
    const left = await readdir(journal, { recursive: true });
    expect(left.filter((name) => name.endsWith('.fls') || name.split(path.sep).length > 1)).toEqual([]);
    const last = journalOf(directory);
    expect(await replayedBodies(last)).toEqual([]);
    await last.close();
  });

  it('journals again, in a new folder, once another process took its folder (it judged this one gone)', async () => {
    const directory = await scratch();
    const owner = ownerId();
    const taken = journalOf(directory, { heartbeatMs: 20, probeMinMs: 20, ownerId: owner });
    await openAndCollect(taken);
    await taken.append(records(1, 'taken')[0]!);
    crash(owner); // as if it had died: the next journal adopts its folder
    const taker = journalOf(directory);
    const adopted = (await openAndCollect(taker)).replayed;
    expect(adopted.map((r) => r.body)).toEqual(['taken 0']);
    await taker.acknowledge(adopted[0]!.id); // delivered by the taker
    // Its next heartbeat finds the folder gone: a new owner folder is set up, and appends are durable again.
    await until(() => false, 300);
    const after = records(1, 'after')[0]!;
    expect(await taken.append(after)).toBe(true);
    await taken.close();
    await taker.close();
    const next = journalOf(directory);
    expect(await replayedBodies(next)).toEqual(['after 0']);
    await next.close();
  });

  it('adopts an owner of another host once its heartbeat stood still for staleMs on its own clock, never while it moves', async () => {
    const directory = await scratch();
    const journal = path.join(directory, 'destination');
    const planted = await plantOwner(journal, [segmentBytes(records(1, 'remote'))], {
      lock: { host: 'another-host' },
      heartbeatAt: Date.now() - 86_400_000, // its clock is a day behind ours: no matter
    });
    const clock = steppedClock();
    const seen = collectingSink();
    const watcher = journalOf(directory, { heartbeatMs: 10, staleMs: 20_000, clock: clock.now });
    await watcher.open(seen.sink);
    const lock = path.join(planted.folder, 'lock');
    for (let beat = 1; beat <= 5; beat++) {
      clock.step(15_000); // 75 s on our clock, but the owner beats every 15 s (with a clock stepped back)
      const at = (Date.now() - 86_400_000 - beat * 3_600_000) / 1000;
      await utimes(lock, at, at);
      await until(() => false, 40);
    }
    expect(seen.replayed).toEqual([]);
    clock.step(20_001); // then it stops beating
    await until(() => seen.replayed.length > 0, 2000);
    clock.step(1);
    await until(() => seen.replayed.length > 0, 2000);
    expect(seen.replayed.map((r) => r.body)).toEqual(['remote 0']);
    await watcher.close();
  });

  it('does not follow a symlink planted where an orphan folder or record would be, and touches nothing outside', async () => {
    const directory = await scratch();
    const journal = path.join(directory, 'destination');
    await mkdir(journal, { mode: 0o700 });
    const outside = await scratch();
    const secret = segmentBytes(records(1, 'outside'));
    await writeFile(path.join(outside, '000000000001.fls'), secret);
    await symlink(outside, path.join(journal, ownerId())); // an "orphan folder" with no lock
    const planted = await plantOwner(journal, [segmentBytes(records(1, 'inside'))], { lock: false });
    await symlink(path.join(outside, '000000000001.fls'), path.join(planted.folder, '000000000002.fls'));
    const next = journalOf(directory);
    const seen = await openAndCollect(next);
    expect(seen.replayed.map((r) => r.body)).toEqual(['inside 0']);
    expect(seen.unreadable).toEqual([]);
    await next.close();
    expect(await readdir(outside)).toEqual(['000000000001.fls']);
    expect(await readFile(path.join(outside, '000000000001.fls'))).toEqual(secret);
    const links = (await readdir(journal)).filter((name) => name !== path.basename(planted.folder));
    expect(
      await Promise.all(links.map(async (name) => (await lstat(path.join(journal, name))).isSymbolicLink())),
    ).toContain(true);
  });

  it.skipIf(process.getuid?.() !== 0)(
    'skips (and counts) a folder of another user nested in a dead folder of ours, and adopts every other orphan (needs root to chown)',
    async () => {
      const directory = await scratch();
      const journal = path.join(directory, 'destination');
      const orphans = [];
      for (let i = 0; i < 6; i++)
        orphans.push(await plantOwner(journal, [segmentBytes(records(1, `orphan ${i}`))], { lock: false }));
      const foreign = path.join(orphans[2]!.folder, ownerId());
      await mkdir(foreign, { mode: 0o700 });
      await writeFile(path.join(foreign, '000000000001.fls'), segmentBytes(records(1, 'foreign')));
      await chown(foreign, 65534, 65534);
      const warnings: unknown[][] = [];
      getCarrier().debug = true;
      const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args));
      try {
        const next = journalOf(directory);
        const bodies = (await replayedBodies(next)) as string[];
        expect(bodies.sort()).toEqual(Array.from({ length: 6 }, (_, i) => `orphan ${i} 0`));
        await next.close();
      } finally {
        spy.mockRestore();
        getCarrier().debug = false;
      }
      const skipped = warnings.filter((args) => String(args[1]).includes('may not touch'));
      expect(skipped).toHaveLength(1);
      expect(String(skipped[0]![1])).toContain('left 1 folder');
      // Left where it was found, untouched.
      const [left] = (await readdir(journal, { recursive: true })).filter((name) =>
        name.endsWith(path.basename(foreign)),
      );
      expect((await stat(path.join(journal, left!))).uid).toBe(65534);
      expect(await readdir(path.join(journal, left!))).toEqual(['000000000001.fls']);
    },
  );
});
