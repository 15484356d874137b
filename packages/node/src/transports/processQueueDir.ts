import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * This process's queue folder under `base` (`<base>/<pid>`), after moving in what processes that are no
 * longer alive left behind. Two live processes never send the same queued envelope.
 */
export function processQueueDir(base: string): string {
  const own = path.join(base, String(process.pid));
  mkdirSync(own, { recursive: true });
  try {
    for (const name of readdirSync(base)) {
      const pid = Number(name);
      if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
      const orphan = path.join(base, name);
      for (const file of readdirSync(orphan)) {
        if (file.endsWith('.env') && !existsSync(path.join(own, file)))
          renameSync(path.join(orphan, file), path.join(own, file));
      }
      rmdirSync(orphan, { recursive: true } as never);
    }
  } catch {
    // another process is adopting the same orphan: it will send those envelopes
  }
  return own;
}

/** The default base folder: the system temp dir, one per destination URL. */
export function defaultQueueBase(key: string): string {
  return path.join(os.tmpdir(), 'faultline-queue', key);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but not ours to signal
  }
}
