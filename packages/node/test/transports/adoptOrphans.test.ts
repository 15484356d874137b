import { spawnSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JournalRecord } from '@faultline/core';
import { createFileJournal } from '@faultline/node';
import { openAndCollect } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { ownerId, plantOwner, records, replayedBodies, scratch, segmentBytes } from './journalFixtures';

const journalOf = (directory: string, options: { now?: () => number; heartbeatMs?: number } = {}) =>
  createFileJournal({ directory, key: 'destination', ownerId: ownerId(), ...options });
const later = () => Date.now() + 60_000;
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

  it('gives a stale owner’s journal to exactly one of two racing adopters', async () => {
    for (let round = 0; round < 10; round++) {
      const directory = await scratch();
      const stalled = journalOf(directory, { heartbeatMs: 1e9 }); // never beats: a hung or dead process
      await openAndCollect(stalled);
      const written = records(50, `round ${round}`);
      await Promise.all(written.map((record) => stalled.append(record)));
      const [a, b] = [journalOf(directory, { now: later }), journalOf(directory, { now: later })];
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
    const adopter = journalOf(directory, { heartbeatMs: 1e9 });
    expect(await replayedBodies(adopter)).toEqual(['first 0']);
    await adopter.append(records(1, 'own')[0]!);
    // The adopter dies without acknowledging: both its own record and the one it adopted go to the next.
    const next = journalOf(directory, { now: later });
    const { replayed } = await openAndCollect(next);
    expect(replayed.map((r) => r.body).sort()).toEqual(['first 0', 'own 0']);
    await Promise.all(replayed.map((record) => next.acknowledge(record.id)));
    await next.close();
    // Every adopted folder went with its last segment: only the owners' folders (empty, released) remain.
    const left = await readdir(journal, { recursive: true });
    expect(left.filter((name) => name.endsWith('.fls') || name.split(path.sep).length > 1)).toEqual([]);
    const last = journalOf(directory, { now: later });
    expect(await replayedBodies(last)).toEqual([]);
    await last.close();
  });

  it('stops writing once another process took its folder (it stalled past staleMs)', async () => {
    const directory = await scratch();
    const stalled = journalOf(directory, { heartbeatMs: 30 });
    await openAndCollect(stalled);
    await stalled.append(records(1, 'taken')[0]!);
    const taker = journalOf(directory, { now: later });
    expect(await replayedBodies(taker)).toEqual(['taken 0']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await stalled.append(records(1)[0]!)).toBe(false);
    await Promise.all([stalled.close(), taker.close()]);
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
});
