import { mkdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFileJournal } from '@faultline/node';
import { journalRecord, openAndCollect } from '@faultline/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ensurePrivateFolder, ensurePrivateFolderSync, FolderRefused } from '../../src/transports/ensurePrivateFolder';
import { scratch } from './journalFixtures';

describe('ensurePrivateFolder', () => {
  it('makes a base folder with its missing parents, one level at a time, 0700', async () => {
    const base = path.join(await scratch(), 'a', 'b', 'c');
    await ensurePrivateFolder(base, 'base');
    for (const folder of [base, path.dirname(base), path.dirname(path.dirname(base))])
      expect((await stat(folder)).mode & 0o777).toBe(0o700);
    ensurePrivateFolderSync(path.join(base, 'd'), 'private');
    expect((await stat(path.join(base, 'd'))).mode & 0o777).toBe(0o700);
  });

  it('makes a private folder only where its parent exists', async () => {
    const folder = path.join(await scratch(), 'missing', 'own');
    await expect(ensurePrivateFolder(folder, 'private')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => ensurePrivateFolderSync(folder, 'private')).toThrow(/does not exist/);
  });

  it('refuses a symlink or a plain file where the folder should be', async () => {
    const root = await scratch();
    await writeFile(path.join(root, 'file'), '');
    await symlink(root, path.join(root, 'link'));
    for (const name of ['file', 'link']) {
      await expect(ensurePrivateFolder(path.join(root, name), 'private')).rejects.toBeInstanceOf(FolderRefused);
      expect(() => ensurePrivateFolderSync(path.join(root, name), 'private')).toThrow(FolderRefused);
    }
  });

  it.skipIf(process.platform !== 'linux')(
    'gives up at once where folders cannot be made (under /proc, `mkdir -p` spins forever)',
    async () => {
      const started = Date.now();
      await expect(ensurePrivateFolder('/proc/faultline-test/state/faultline', 'base')).rejects.toBeDefined();
      expect(() => ensurePrivateFolderSync('/proc/faultline-test/state/faultline', 'base')).toThrow();
      expect(Date.now() - started).toBeLessThan(2000);
    },
  );
});

describe.skipIf(process.platform !== 'linux')('createFileJournal with queueDir under /proc', () => {
  it('keeps envelopes in memory with one warning, and leaves no thread spinning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const journal = createFileJournal({ directory: '/proc/faultline-test/queue', key: 'destination' });
      const opened = openAndCollect(journal);
      const settled = await Promise.race([opened, new Promise((resolve) => setTimeout(resolve, 5000, 'hung'))]);
      expect(settled).toEqual({ replayed: [], unreadable: [] });
      expect(await journal.append(journalRecord())).toBe(false);
      // A libuv thread looping on mkdir would burn a core: the process would use about as much CPU as time.
      const before = process.cpuUsage();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const used = process.cpuUsage(before);
      expect((used.user + used.system) / 1000).toBeLessThan(500);
      await journal.close();
      expect(warn.mock.calls.filter((args) => String(args[1]).startsWith('file journal'))).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });
});

// A mkdir of the base folder's parents stays within bounds even for a path of many missing levels.
it('refuses a base folder with more than 32 missing levels', async () => {
  const deep = path.join(await scratch(), ...Array.from({ length: 40 }, (_, i) => `l${i}`));
  await expect(ensurePrivateFolder(deep, 'base')).rejects.toMatchObject({ code: 'ENOENT' });
  await mkdir(path.dirname(path.dirname(deep)), { recursive: true });
  await expect(ensurePrivateFolder(deep, 'base')).resolves.toBeUndefined();
});
