import { closeSync, constants, fdatasyncSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { NO_FOLLOW } from './readPrivateFile';

const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

/**
 * writeNewFile, synchronously: for the moments the event loop gets no turn (a burst spilling bodies out of
 * memory). O_EXCL, mode 0600, never through a symlink; a partial file is removed on failure; `fsync` syncs
 * the data and the folder entry. Throws what the filesystem threw.
 */
export function writeNewFileSync(file: string, bytes: Buffer, fsync: boolean): void {
  const fd = openSync(file, CREATE, 0o600);
  try {
    for (let written = 0; written < bytes.byteLength;) {
      const count = writeSync(fd, bytes, written, bytes.byteLength - written, written);
      if (count === 0) throw Object.assign(new Error(`no space to write ${file}`), { code: 'ENOSPC' });
      written += count;
    }
    if (fsync) fdatasyncSync(fd);
    closeSync(fd);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    try {
      unlinkSync(file);
    } catch {
      // nothing to remove
    }
    throw error;
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
    // best effort, as writeNewFile's
  }
}
