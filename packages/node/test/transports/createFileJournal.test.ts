import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync } from 'node:fs';
import { chown, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getCarrier } from '@faultline/core';
import { createFileJournal } from '@faultline/node';
import { journalRecord, openAndCollect, runJournalContract, type OpenJournal } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeSegment } from '../../src/transports/decodeSegment';
import { crash, flipBodyByte, ownerId, records, replayedBodies, scratch } from './journalFixtures';

const isRoot = process.getuid?.() === 0;

runJournalContract('createFileJournal', async () => {
  const directory = await scratch();
  const open: OpenJournal = () => createFileJournal({ directory, key: 'destination', probeMinMs: 20, probeMaxMs: 100 });
  // A read-only bind mount is a real EROFS for root too (root ignores modes); mounting needs root, as CI has.
  if (isRoot)
    open.faults = {
      breakWrites() {
        mount('--bind', directory, directory);
        mount('-o', 'remount,bind,ro', directory);
      },
      heal() {
        mount('-o', 'remount,bind,rw', directory);
        execFileSync('umount', [directory]);
      },
      damage: (id) => flipBodyByte(directory, id),
    };
  return open;
});
const mode = async (file: string) => (await stat(file)).mode & 0o777;
const segmentsIn = async (folder: string) => (await readdir(folder)).filter((name) => name.endsWith('.fls'));
const ownerFolder = async (journal: string) => path.join(journal, (await readdir(journal))[0]!);
const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });

let warnings: unknown[][];
beforeEach(() => {
  getCarrier().debug = true;
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args));
});
afterEach(() => {
  getCarrier().debug = false;
  vi.restoreAllMocks();
});
const journalWarnings = () => warnings.filter((args) => String(args[1]).startsWith('file journal'));

/** A journal that was refused: every call resolves as a no-op, nothing throws, one debug message. */
async function expectNoOp(directory: string, key = 'destination'): Promise<void> {
  const journal = createFileJournal({ directory, key });
  await expect(openAndCollect(journal)).resolves.toEqual({ replayed: [], unreadable: [] });
  const record = journalRecord();
  await expect(journal.append(record)).resolves.toBe(false);
  await expect(journal.read(record.id)).resolves.toBeUndefined();
  await expect(journal.acknowledge(record.id)).resolves.toBeUndefined();
  await expect(journal.close()).resolves.toBeUndefined();
  expect(journalWarnings()).toHaveLength(1);
}

describe('createFileJournal on disk', () => {
  it('creates its folders 0700 and its files 0600', async () => {
    const directory = path.join(await scratch(), 'state', 'faultline');
    const journal = createFileJournal({ directory, key: 'destination' });
    await openAndCollect(journal);
    expect(await journal.append(journalRecord())).toBe(true);
    const own = await ownerFolder(path.join(directory, 'destination'));
    for (const folder of [path.dirname(directory), directory, path.join(directory, 'destination'), own])
      expect(await mode(folder)).toBe(0o700);
    for (const file of [path.join(own, 'lock'), ...(await segmentsIn(own)).map((name) => path.join(own, name))])
      expect(await mode(file)).toBe(0o600);
    await journal.close();
  });

  it('makes its own folder private again when its mode was opened up', async () => {
    const directory = await scratch();
    await mkdir(path.join(directory, 'destination'), { mode: 0o755 });
    chmodSync(path.join(directory, 'destination'), 0o755);
    const journal = createFileJournal({ directory, key: 'destination' });
    await openAndCollect(journal);
    expect(await journal.append(journalRecord())).toBe(true);
    expect(await mode(path.join(directory, 'destination'))).toBe(0o700);
    await journal.close();
  });

  it('keeps a record through a crash without close(): acknowledgements are written in place', async () => {
    const directory = await scratch();
    const owner = ownerId();
    const first = createFileJournal({ directory, key: 'destination', heartbeatMs: 1e9, ownerId: owner });
    await openAndCollect(first);
    const written = records(10);
    await Promise.all(written.map((record) => first.append(record)));
    await Promise.all(written.slice(0, 7).map((record) => first.acknowledge(record.id)));
    // No close(): the lock stays, as a killed process leaves it.
    crash(owner);
    const next = createFileJournal({ directory, key: 'destination' });
    expect(await replayedBodies(next)).toEqual(['r 7', 'r 8', 'r 9']);
    await next.close();
  });

  it('writes what waits synchronously once set up (persistSync keepOpen), kept and acknowledged like any other', async () => {
    const directory = await scratch();
    const owner = ownerId();
    const first = createFileJournal({ directory, key: 'destination', heartbeatMs: 1e9, ownerId: owner });
    const early = first.append(journalRecord({ body: 'too early' }));
    expect(first.persistSync!({ keepOpen: true })).toBe(false); // its folder is not set up yet: it waits
    await openAndCollect(first);
    expect(await early).toBe(true); // written by the ordinary asynchronous write
    const own = await ownerFolder(path.join(directory, 'destination'));
    const before = await segmentsIn(own);
    const spilled = records(5, 'sync');
    const answers = spilled.map((record) => first.append(record));
    expect(first.persistSync!({ keepOpen: true })).toBe(true);
    expect(readdirSync(own).filter((name) => name.endsWith('.fls'))).toHaveLength(before.length + 1); // already
    expect(await Promise.all(answers)).toEqual([true, true, true, true, true]);
    await Promise.all(spilled.slice(0, 2).map((record) => first.acknowledge(record.id)));
    expect(await first.read(spilled[4]!.id)).toBe('sync 4');
    expect(await first.append(journalRecord({ body: 'after' }))).toBe(true); // it carries on
    // No close(), as a killed process: the next owner replays what was not acknowledged.
    crash(owner);
    const next = createFileJournal({ directory, key: 'destination' });
    expect(await replayedBodies(next)).toEqual(['too early', 'sync 2', 'sync 3', 'sync 4', 'after']);
    await next.close();
  });

  it('writes what waits at exit while its own set-up is half done (staging folder made, not renamed yet)', async () => {
    const directory = await scratch();
    const owner = ownerId();
    // What the asynchronous set-up leaves between its mkdir and its rename, as a process.exit() can find it.
    const staging = path.join(directory, 'destination', `.new-${owner}`);
    await mkdir(staging, { recursive: true, mode: 0o700 });
    await writeFile(path.join(staging, 'lock'), '{}', { mode: 0o600 });
    const first = createFileJournal({ directory, key: 'destination', heartbeatMs: 1e9, ownerId: owner });
    void first.append(journalRecord({ body: 'at exit' }));
    expect(first.persistSync!()).toBe(true);
    const next = createFileJournal({ directory, key: 'destination' });
    expect(await replayedBodies(next)).toEqual(['at exit']);
    await next.close();
  });

  it('releases its lock at close and keeps its records for the next owner', async () => {
    const directory = await scratch();
    const journal = createFileJournal({ directory, key: 'destination' });
    await openAndCollect(journal);
    await journal.append(journalRecord({ body: 'kept' }));
    const own = await ownerFolder(path.join(directory, 'destination'));
    await journal.close();
    expect(await readdir(own)).toEqual(['000000000001.fls']);
  });

  it('touches its lock on every heartbeat', async () => {
    const directory = await scratch();
    const journal = createFileJournal({ directory, key: 'destination', heartbeatMs: 20 });
    await openAndCollect(journal);
    const lock = path.join(await ownerFolder(path.join(directory, 'destination')), 'lock');
    const before = (await stat(lock)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await stat(lock)).mtimeMs).toBeGreaterThan(before);
    await journal.close();
  });

  it('with fsync, writes and replays the same way', async () => {
    const directory = await scratch();
    const journal = createFileJournal({ directory, key: 'destination', fsync: true });
    await openAndCollect(journal);
    expect(await journal.append(journalRecord({ body: 'synced' }))).toBe(true);
    await journal.close();
    expect(await replayedBodies(createFileJournal({ directory, key: 'destination' }))).toEqual(['synced']);
  });

  it('stays intact under 2,000 racing appends, reads and acknowledgements, compacting what is mostly done', async () => {
    const directory = await scratch();
    const journal = createFileJournal({ directory, key: 'destination' });
    await openAndCollect(journal);
    const all = Array.from({ length: 2000 }, (_, i) => journalRecord({ body: `${i} ${'x'.repeat(1500)}` }));
    const kept = all.filter((_, i) => i % 4 === 3);
    const reads: Promise<unknown>[] = [];
    await Promise.all(
      all.map(async (record, i) => {
        await journal.append(record);
        if (i % 4 !== 3) await journal.acknowledge(record.id);
        else if (i % 100 === 3) reads.push(journal.read(record.id).then((body) => expect(body).toBe(record.body)));
      }),
    );
    await Promise.all(reads);
    const own = await ownerFolder(path.join(directory, 'destination'));
    const segments = await segmentsIn(own);
    // A quarter is live (750 KB of 3 MB written): the batch segments were compacted into fuller ones.
    let onDisk = 0;
    for (const name of segments) {
      const bytes = await readFile(path.join(own, name));
      expect(decodeSegment(bytes).damaged).toBe(false);
      onDisk += bytes.byteLength;
    }
    expect(onDisk).toBeLessThan(1.5 * 1024 * 1024);
    await journal.close();
    const next = createFileJournal({ directory, key: 'destination' });
    expect(await replayedBodies(next)).toEqual(kept.map((record) => record.body));
    await next.close();
  }, 60_000);
});

describe('createFileJournal refuses what is not its own, without throwing', () => {
  it('when a plain file is where its folder should be', async () => {
    const directory = await scratch();
    await writeFile(path.join(directory, 'destination'), 'not a folder');
    await expectNoOp(directory);
    expect(await readFile(path.join(directory, 'destination'), 'utf8')).toBe('not a folder');
  });

  it('when a plain file is where the base folder should be', async () => {
    const file = path.join(await scratch(), 'state');
    await writeFile(file, 'x');
    await expectNoOp(file);
  });

  it('when a symlink is planted where its folder should be, touching nothing behind it', async () => {
    const directory = await scratch();
    const outside = await scratch();
    await symlink(outside, path.join(directory, 'destination'));
    await expectNoOp(directory);
    expect(await readdir(outside)).toEqual([]);
    expect((await lstat(path.join(directory, 'destination'))).isSymbolicLink()).toBe(true);
  });

  it('when the base folder may be written by other users (a shared temp folder as it is)', async () => {
    const directory = await scratch();
    chmodSync(directory, 0o1777);
    await expectNoOp(directory);
    expect(await mode(directory)).toBe(0o777);
  });

  it.skipIf(!isRoot)('when its folder belongs to another user (needs root to chown)', async () => {
    const directory = await scratch();
    await mkdir(path.join(directory, 'destination'), { mode: 0o700 });
    await chown(path.join(directory, 'destination'), 65534, 65534);
    await expectNoOp(directory);
    expect((await stat(path.join(directory, 'destination'))).uid).toBe(65534);
  });

  it.skipIf(!isRoot)('when the base folder belongs to another user (needs root to chown)', async () => {
    const directory = await scratch();
    await chown(directory, 65534, 65534);
    await expectNoOp(directory);
  });
});

// Root ignores modes (chmod 0500 would not stop it): a read-only bind mount and a tiny tmpfs are real
// EROFS and ENOSPC for root too. Both need root to mount; CI runs as root.
describe.skipIf(!isRoot)('createFileJournal on a failing filesystem that comes back (needs root to mount)', () => {
  const quick = { probeMinMs: 20, probeMaxMs: 80 };
  const lost = () => journalWarnings().filter((args) => String(args[1]).includes('kept in memory only'));
  const back = () => journalWarnings().filter((args) => String(args[1]).includes('writing again'));

  it('on a folder turned read-only: keeps appends in memory, says so once, and journals them once it is writable again', async () => {
    const directory = await scratch();
    const journal = createFileJournal({ directory, key: 'destination', ...quick });
    await openAndCollect(journal);
    const written = journalRecord({ body: 'written' });
    expect(await journal.append(written)).toBe(true);
    mount('--bind', directory, directory);
    let kept: ReturnType<typeof journalRecord>[] = [];
    try {
      mount('-o', 'remount,bind,ro', directory);
      kept = [journalRecord({ body: 'during 1' }), journalRecord({ body: 'during 2' })];
      for (const record of kept) expect(await journal.append(record)).toBe(false);
      await expect(journal.acknowledge(written.id)).resolves.toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 200)); // probes fail meanwhile, silently
      expect(lost()).toHaveLength(1);
      expect(back()).toHaveLength(0);
    } finally {
      mount('-o', 'remount,bind,rw', directory);
      execFileSync('umount', [directory]);
    }
    await vi.waitFor(() => expect(back()).toHaveLength(1), { timeout: 5000 });
    expect(await journal.append(journalRecord({ body: 'after' }))).toBe(true);
    expect(journalWarnings()).toHaveLength(2);
    await journal.close();
    const next = createFileJournal({ directory, key: 'destination' });
    // The one acknowledged during the outage may come back (its byte could not be written): sent twice, not lost.
    expect((await replayedBodies(next)).filter((body) => body !== 'written')).toEqual([
      'during 1',
      'during 2',
      'after',
    ]);
    await next.close();
  });

  it('on a full disk: leaves nothing half-written, still acknowledges, and journals what it kept once there is room', async () => {
    const directory = await scratch();
    mount('-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', directory);
    try {
      const journal = createFileJournal({ directory, key: 'destination', ...quick });
      await openAndCollect(journal);
      const durable: string[] = [];
      const kept: string[] = [];
      for (let i = 0; i < 100 && kept.length < 3; i++) {
        const record = journalRecord({ body: `${i} ${'x'.repeat(20_000)}` });
        if (await journal.append(record)) durable.push(record.id);
        else kept.push(record.id);
      }
      expect(durable.length).toBeGreaterThan(3);
      expect(lost()).toHaveLength(1);
      const own = await ownerFolder(path.join(directory, 'destination'));
      const segments = await segmentsIn(own);
      expect(segments).toHaveLength(durable.length);
      for (const name of segments) expect(decodeSegment(await readFile(path.join(own, name))).damaged).toBe(false);
      // Acknowledging needs no new space: a delivered record is still forgotten on a full disk, which frees room.
      await Promise.all(durable.map((id) => journal.acknowledge(id)));
      await vi.waitFor(() => expect(back()).toHaveLength(1), { timeout: 5000 });
      expect(journalWarnings()).toHaveLength(2);
      await journal.close();
      const next = createFileJournal({ directory, key: 'destination' });
      expect((await openAndCollect(next)).replayed.map((r) => r.id)).toEqual(kept);
      await next.close();
    } finally {
      execFileSync('umount', [directory]);
    }
  });
});
