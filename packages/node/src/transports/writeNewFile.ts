import { closeSync, constants, fdatasyncSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { NO_FOLLOW } from './readPrivateFile';

const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

/**
 * Writes a file that must not exist yet (O_EXCL: never through a planted symlink), mode 0600. On any
 * failure — a full disk mid-write — the partial file is removed, so nothing half-written stays behind.
 * `fsync`: the data and the folder entry reach the disk before this resolves (survives a power loss).
 */
export async function writeNewFile(file: string, bytes: Buffer, fsync: boolean): Promise<void> {
  const handle = await open(file, CREATE, 0o600);
  try {
    for (let written = 0; written < bytes.byteLength;) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.byteLength - written, written);
      if (bytesWritten === 0) throw Object.assign(new Error(`no space to write ${file}`), { code: 'ENOSPC' });
      written += bytesWritten;
    }
    if (fsync) await handle.datasync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(file).catch(() => undefined);
    throw error;
  }
  if (fsync) await syncFolder(path.dirname(file));
}

/** A new file's name is durable only once its folder is synced (Linux; elsewhere this is best effort). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, constants.O_RDONLY).catch(() => undefined);
  await handle
    ?.sync()
    .catch(() => undefined)
    .finally(() => handle.close().catch(() => undefined));
}

/**
 * The same, synchronously: for a process that is exiting (no later turn of the event loop), or a burst that
 * spills bodies out of memory while the event loop gets no turn.
 */
export function writeNewFileSync(file: string, bytes: Buffer, fsync = false): void {
  const fd = openSync(file, CREATE, 0o600);
  try {
    for (let written = 0; written < bytes.byteLength;) {
      const count = writeSync(fd, bytes, written, bytes.byteLength - written, written);
      if (count === 0) throw Object.assign(new Error(`no space to write ${file}`), { code: 'ENOSPC' });
      written += count;
    }
    if (fsync) fdatasyncSync(fd);
  } catch (error) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
    throw error;
  } finally {
    closeSync(fd);
  }
  if (fsync) syncFolderSync(path.dirname(file));
}

function syncFolderSync(folder: string): void {
  try {
    const fd = openSync(folder, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort, as syncFolder's
  }
}
