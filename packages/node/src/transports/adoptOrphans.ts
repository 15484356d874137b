import { lstat, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { readOwnerLock, type LockState } from './createOwnerLock';
import { ensurePrivateFolder } from './ensurePrivateFolder';

/** Owner folders are named by a random owner id (never a pid: containers all run as pid 1). */
export const OWNER_ID = /^[0-9a-f]{32}$/;

export interface AdoptOptions {
  /** The journal folder (`<base>/<destination hash>`), holding one folder per owner. */
  journal: string;
  /** Our owner folder, inside `journal`. */
  own: string;
  isGone(lock: LockState): boolean;
  /** A staging folder older than this was left by a process that died while starting. */
  staleMs: number;
  now: number;
}

/**
 * Takes over the owner folders whose owner is gone. Each is renamed into our own folder: one atomic rename,
 * so of two processes adopting the same orphan exactly one gets it, and if we die in turn it goes with our
 * folder to the next owner. Folders an orphan had adopted itself are moved up beside it. Symlinks and
 * folders of other users are left alone. Returns the adopted folders, now inside ours, to replay.
 */
export async function adoptOrphans({ journal, own, isGone, staleMs, now }: AdoptOptions): Promise<string[]> {
  const adopted: string[] = [];
  const uid = process.getuid?.();
  for (const entry of await readdir(journal, { withFileTypes: true })) {
    const folder = path.join(journal, entry.name);
    if (!entry.isDirectory() || folder === own) continue; // a Dirent never follows a symlink
    const stat = await lstat(folder).catch(() => undefined);
    if (!stat?.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
    if (entry.name.startsWith('.new-')) {
      // Cannot be in use: an owner renames its staging folder into place within moments of creating it.
      if (now - stat.mtimeMs > staleMs) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
      continue;
    }
    if (!OWNER_ID.test(entry.name) || !isGone(await readOwnerLock(folder))) continue;
    const target = path.join(own, entry.name);
    if (await moveInto(folder, target)) adopted.push(target);
  }
  for (let i = 0; i < adopted.length; i++) {
    const folder = adopted[i]!;
    await ensurePrivateFolder(folder, 'private');
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (!entry.isDirectory() || !OWNER_ID.test(entry.name)) continue;
      const nested = path.join(folder, entry.name);
      const target = path.join(own, entry.name);
      adopted.push((await moveInto(nested, target)) ? target : nested);
    }
  }
  return adopted;
}

/** Renames a folder; false when another process moved it first. */
async function moveInto(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EEXIST' || code === 'ENOTEMPTY') return false;
    throw error;
  }
}
