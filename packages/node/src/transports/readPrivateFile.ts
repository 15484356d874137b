import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Flags for every file the journal opens: never through a symlink (O_NOFOLLOW fails with ELOOP), and never
 * blocking on a FIFO planted under a record's name (O_NONBLOCK). Windows has neither: 0.
 */
export const NO_FOLLOW = (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const NOT_A_FILE = new Set(['ELOOP', 'EMLINK', 'EISDIR', 'ENXIO']);

/**
 * The bytes of a regular file, read without following a symlink; undefined when the path is a symlink, not
 * a regular file, or larger than `maxBytes`. Other failures (ENOENT, EACCES, EIO) reject.
 */
export async function readPrivateFile(file: string, maxBytes: number): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    if (NOT_A_FILE.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    return await handle.readFile();
  } finally {
    await handle.close().catch(() => undefined);
  }
}
