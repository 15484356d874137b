import { chmodSync, lstatSync, mkdirSync, type Stats } from 'node:fs';
import { chmod, lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * `'base'`: the folder the journal lives under (the user's `queueDir`, or the state folder); it may be
 * shared with other things of the same user, so its mode is not changed, but a folder others may write to
 * (a shared temp folder as it is) is refused. `'private'`: a folder of the journal's own; made 0700.
 */
export type FolderKind = 'base' | 'private';

/** Why a folder was refused; the journal then keeps envelopes in memory only and says so once. */
export class FolderRefused extends Error {
  override name = 'FolderRefused';
}

// A base folder is made one level at a time, at most this many: `mkdir -p` loops forever under /proc.
const MAX_MISSING_LEVELS = 32;

/**
 * Creates `folder` (mode 0700) when missing — a base folder with its missing parents, one level at a time
 * (never `mkdir` recursive: it spins forever where a parent cannot hold folders, as under /proc) — then
 * checks with lstat, never following a symlink, that it is a directory owned by this user and closed to
 * others, fixing the mode of a private folder of ours. Rejects (FolderRefused, or the fs error) when it
 * cannot be used.
 */
export async function ensurePrivateFolder(folder: string, kind: FolderKind): Promise<void> {
  const statOf = (at: string) =>
    lstat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  let stat = await statOf(folder);
  if (!stat) {
    const missing = [folder];
    checkDepth(missing, folder, kind);
    for (let current = path.dirname(folder); !(await statOf(current)); current = path.dirname(current)) {
      missing.push(current);
      checkDepth(missing, current, kind);
    }
    for (const level of missing.reverse()) {
      await mkdir(level, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    }
    stat = await lstat(folder);
  }
  if (checkFolder(folder, stat, kind)) await chmod(folder, 0o700);
}

/** The same, synchronously: for a process that is exiting before its journal was set up. */
export function ensurePrivateFolderSync(folder: string, kind: FolderKind): void {
  const missing: string[] = [];
  for (let current = folder; !lstatSync(current, { throwIfNoEntry: false }); current = path.dirname(current)) {
    missing.push(current);
    checkDepth(missing, current, kind);
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (checkFolder(folder, lstatSync(folder), kind)) chmodSync(folder, 0o700);
}

function checkDepth(missing: string[], current: string, kind: FolderKind): void {
  if (path.dirname(current) === current) throw new FolderRefused(`${current} does not exist`);
  if (missing.length > (kind === 'base' ? MAX_MISSING_LEVELS : 1))
    throw Object.assign(new Error(`${missing[missing.length - 1]} does not exist`), { code: 'ENOENT' });
}

/** Throws when the folder may not be used; true when it is a private folder of ours whose mode must be fixed. */
function checkFolder(folder: string, stat: Stats, kind: FolderKind): boolean {
  if (stat.isSymbolicLink()) throw new FolderRefused(`${folder} is a symlink`);
  if (!stat.isDirectory()) throw new FolderRefused(`${folder} is not a folder`);
  // Windows has no uids and no mode bits: its per-user folders are private by their ACLs.
  const uid = process.getuid?.();
  if (uid === undefined) return false;
  if (stat.uid !== uid) throw new FolderRefused(`${folder} belongs to uid ${stat.uid}, not ${uid}`);
  // Others could swap our folder for one of theirs in a folder they may write to.
  if (kind === 'base' && (stat.mode & 0o022) !== 0) throw new FolderRefused(`${folder} may be written by other users`);
  return kind === 'private' && (stat.mode & 0o077) !== 0;
}
