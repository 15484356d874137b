import type { LockInfo, LockState } from './createOwnerLock';

export interface OwnerCheck {
  /** This process, as its own lock describes it. */
  self: LockInfo;
  now: number;
  /** A lock not touched for this long belongs to a dead owner. */
  staleMs: number;
  /** Whether an owner id is a journal alive in this process. */
  isLiveHere(owner: string): boolean;
  /** Whether a pid of our own pid namespace exists (`process.kill(pid, 0)` is not ESRCH). */
  processExists(pid: number): boolean;
}

/**
 * Whether an owner folder's owner is gone, so its journal may be adopted. Released (no lock) or stale (no
 * heartbeat for `staleMs`) decides on its own and relies on no pid. The pid is only a hint that speeds up the
 * common case — the next process starting right after a crash — and is used only when the lock was written
 * on this host, this boot and this pid namespace: two containers that are both pid 1 never judge each other
 * by it.
 */
export function isOwnerGone(lock: LockState, check: OwnerCheck): boolean {
  if (lock.missing) return true;
  if (lock.mtimeMs === undefined) return false;
  if (check.now - lock.mtimeMs > check.staleMs) return true;
  const { info } = lock;
  const { self } = check;
  if (!info || !self.boot || !self.pidns) return false;
  if (info.host !== self.host || info.boot !== self.boot || info.pidns !== self.pidns) return false;
  if (!Number.isSafeInteger(info.pid) || info.pid <= 0) return false;
  if (info.pid === self.pid) return !check.isLiveHere(info.owner);
  return !check.processExists(info.pid);
}

/** `process.kill(pid, 0)`: ESRCH means no such process; EPERM means one exists that is not ours to signal. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
