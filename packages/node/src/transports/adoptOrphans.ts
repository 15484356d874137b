import { lstat, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { readOwnerLock, type LockState } from './createOwnerLock';
import { ensurePrivateFolder } from './ensurePrivateFolder';
import type { HeartbeatWatch } from './createHeartbeatWatch';

/** Owner folders are named by a random owner id (never a pid: containers all run as pid 1). */
export const OWNER_ID = /^[0-9a-f]{32}$/;

export interface AdoptOptions {
  /** The journal folder (`<base>/<destination hash>`), holding one folder per owner. */
  journal: string;
  /** Our owner folder, inside `journal`. */
  own: string;
  /** Whether the owner of `folder`, whose lock this is, is gone. */
  isGone(lock: LockState, folder: string): Promise<boolean>;
  /** Staging folders are watched too: one that stays unchanged for `staleMs` was left by a process that died while starting. */
  watch: HeartbeatWatch;
  staleMs: number;
}

export interface Adoption {
  /** Adopted folders, now inside ours, to replay. */
  adopted: string[];
  /** Folders left where they are: not ours (another user's, a symlink) or not readable. */
  skipped: string[];
}

/**
 * Takes over the owner folders whose owner is gone. Each is renamed into our own folder: one atomic rename,
 * so of two processes adopting the same orphan exactly one gets it, and if we die in turn it goes with our
 * folder to the next owner. Folders an orphan had adopted itself are moved up beside it. What may not be
 * touched (a symlink, another user's folder, one that cannot be read) is skipped and listed, never a reason
 * to stop: the rest is adopted all the same.
 */
export async function adoptOrphans({ journal, own, isGone, watch, staleMs }: AdoptOptions): Promise<Adoption> {
  const adopted: string[] = [];
  const skipped: string[] = [];
  const uid = process.getuid?.();
  const ours = async (folder: string) => {
    const stat = await lstat(folder).catch(() => undefined);
    return Boolean(stat?.isDirectory() && (uid === undefined || stat.uid === uid));
  };
  for (const entry of await readdir(journal, { withFileTypes: true })) {
    const folder = path.join(journal, entry.name);
    if (!entry.isDirectory() || folder === own) continue; // a Dirent never follows a symlink
    try {
      if (!(await ours(folder))) {
        skipped.push(folder);
        continue;
      }
      if (entry.name.startsWith('.new-')) {
        // An owner renames its staging folder into place within moments of creating it.
        const stat = await lstat(folder);
        if (watch.silentFor(folder, stat.mtimeMs) > staleMs) await rm(folder, { recursive: true, force: true });
        continue;
      }
      if (!OWNER_ID.test(entry.name) || !(await isGone(await readOwnerLock(folder), folder))) continue;
      const target = path.join(own, entry.name);
      if (await moveInto(folder, target)) adopted.push(target);
    } catch {
      skipped.push(folder);
    }
  }
  for (let i = 0; i < adopted.length; i++) {
    const folder = adopted[i]!;
    const nested = await ensurePrivateFolder(folder, 'private')
      .then(() => readdir(folder, { withFileTypes: true }))
      .catch(() => undefined);
    if (!nested) {
      skipped.push(folder); // moved into ours, where it stays: not read
      adopted.splice(i--, 1);
      continue;
    }
    for (const entry of nested) {
      if (!entry.isDirectory() || !OWNER_ID.test(entry.name)) continue;
      const inner = path.join(folder, entry.name);
      const target = path.join(own, entry.name);
      try {
        if (!(await ours(inner)))
          skipped.push(inner); // left inside: its folder then stays, holding it
        else adopted.push((await moveInto(inner, target)) ? target : inner);
      } catch {
        skipped.push(inner);
      }
    }
  }
  return { adopted, skipped };
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
