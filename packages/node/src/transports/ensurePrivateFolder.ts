import { chmod, lstat, mkdir } from 'node:fs/promises';

/**
 * `'base'`: the folder the journal lives under (the user's `queueDir`, or the state folder); it may be
 * shared with other things of the same user, so its mode is not changed, but a folder others may write to
 * (a shared temp folder as it is) is refused. `'private'`: a folder of the journal's own; made 0700.
 */
export type FolderKind = 'base' | 'private';

/** Why a folder was refused; the journal then runs as a no-op and says so once. */
export class FolderRefused extends Error {
  override name = 'FolderRefused';
}

/**
 * Creates `folder` (mode 0700) when missing, then checks with lstat — never following a symlink — that it is
 * a directory owned by this user and closed to others, fixing the mode of a private folder of ours.
 * Rejects (FolderRefused, or the fs error) when it cannot be used.
 */
export async function ensurePrivateFolder(folder: string, kind: FolderKind): Promise<void> {
  try {
    await mkdir(folder, { recursive: kind === 'base', mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = await lstat(folder);
  if (stat.isSymbolicLink()) throw new FolderRefused(`${folder} is a symlink`);
  if (!stat.isDirectory()) throw new FolderRefused(`${folder} is not a folder`);
  // Windows has no uids and no mode bits: its per-user folders are private by their ACLs.
  const uid = process.getuid?.();
  if (uid === undefined) return;
  if (stat.uid !== uid) throw new FolderRefused(`${folder} belongs to uid ${stat.uid}, not ${uid}`);
  if (kind === 'base') {
    // Others could swap our folder for one of theirs in a folder they may write to.
    if ((stat.mode & 0o022) !== 0) throw new FolderRefused(`${folder} may be written by other users`);
  } else if ((stat.mode & 0o077) !== 0) {
    await chmod(folder, 0o700);
  }
}
