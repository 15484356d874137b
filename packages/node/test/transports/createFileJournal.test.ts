import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync } from 'node:fs';
import { chown, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getCarrier } from '@faultline/core';
import { createFileJournal } from '@faultline/node';
import { journalRecord, openAndCollect, runJournalContract } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeSegment } from '../../src/transports/decodeSegment';
import { records, replayedBodies, scratch } from './journalFixtures';

runJournalContract('createFileJournal', async () => {
  const directory = await scratch();
  return () => createFileJournal({ directory, key: 'destination' });
});

const isRoot = process.getuid?.() === 0;
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
    const first = createFileJournal({ directory, key: 'destination', heartbeatMs: 1e9 });
    await openAndCollect(first);
    const written = records(10);
    await Promise.all(written.map((record) => first.append(record)));
    await Promise.all(written.slice(0, 7).map((record) => first.acknowledge(record.id)));
    // No close(): the lock stays, as a killed process leaves it; a clock 60 s ahead finds it stale.
    const next = createFileJournal({ directory, key: 'destination', now: () => Date.now() + 60_000 });
    expect(await replayedBodies(next)).toEqual(['r 7', 'r 8', 'r 9']);
    await next.close();
  });

  it('writes a batch synchronously once set up (appendSync), kept and acknowledged like any other', async () => {
    const directory = await scratch();
    const first = createFileJournal({ directory, key: 'destination', heartbeatMs: 1e9 });
    expect(first.appendSync!(records(1, 'too early'))).toBe(false); // its folder is not set up yet
    await openAndCollect(first);
    await first.append(journalRecord({ body: 'async' }));
    const own = await ownerFolder(path.join(directory, 'destination'));
    const before = await segmentsIn(own);
    const spilled = records(5, 'sync');
    expect(first.appendSync!(spilled)).toBe(true);
    expect(readdirSync(own).filter((name) => name.endsWith('.fls'))).toHaveLength(before.length + 1); // already
    await Promise.all(spilled.slice(0, 2).map((record) => first.acknowledge(record.id)));
    expect(await first.read(spilled[4]!.id)).toBe('sync 4');
    // No close(), as a killed process: the next owner replays what was not acknowledged.
    const next = createFileJournal({ directory, key: 'destination', now: () => Date.now() + 60_000 });
    expect(await replayedBodies(next)).toEqual(['async', 'sync 2', 'sync 3', 'sync 4']);
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
// EROFS and ENOSPC for root too. Both need root to mount.
describe.skipIf(!isRoot)('createFileJournal on a failing filesystem (needs root to mount)', () => {
  it('carries on as a no-op on a read-only folder, from the start or once it turns read-only', async () => {
    const directory = await scratch();
    const journal = createFileJournal({ directory, key: 'destination' });
    await openAndCollect(journal);
    const written = journalRecord({ body: 'written' });
    expect(await journal.append(written)).toBe(true);
    mount('--bind', directory, directory);
    try {
      mount('-o', 'remount,bind,ro', directory);
      expect(await journal.append(journalRecord())).toBe(false);
      expect(await journal.append(journalRecord())).toBe(false);
      await expect(journal.acknowledge(written.id)).resolves.toBeUndefined();
      await expect(journal.close()).resolves.toBeUndefined();
      expect(journalWarnings()).toHaveLength(1);
      warnings.length = 0;
      await expectNoOp(directory, 'another-destination');
    } finally {
      mount('-o', 'remount,bind,rw', directory);
      execFileSync('umount', [directory]);
    }
    const own = await ownerFolder(path.join(directory, 'destination'));
    expect(await segmentsIn(own)).toEqual(['000000000001.fls']);
  });

  it('carries on as a no-op on a full disk, leaving nothing half-written, and still acknowledges', async () => {
    const directory = await scratch();
    mount('-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', directory);
    try {
      const journal = createFileJournal({ directory, key: 'destination' });
      await openAndCollect(journal);
      const durable: string[] = [];
      let refused = 0;
      for (let i = 0; i < 100 && refused < 3; i++) {
        const record = journalRecord({ body: `${i} ${'x'.repeat(20_000)}` });
        if (await journal.append(record)) durable.push(record.id);
        else refused++;
      }
      expect(durable.length).toBeGreaterThan(3);
      expect(refused).toBe(3);
      expect(journalWarnings()).toHaveLength(1);
      const own = await ownerFolder(path.join(directory, 'destination'));
      const segments = await segmentsIn(own);
      expect(segments).toHaveLength(durable.length);
      for (const name of segments) expect(decodeSegment(await readFile(path.join(own, name))).damaged).toBe(false);
      // Acknowledging needs no new space: a delivered record is still forgotten on a full disk.
      await Promise.all(durable.map((id) => journal.acknowledge(id)));
      expect(await segmentsIn(own)).toEqual([]);
      await journal.close();
    } finally {
      execFileSync('umount', [directory]);
    }
  });
});
