import type { LockInfo, LockState } from './createOwnerLock';

export interface OwnerCheck {
  /** This process, as its own lock describes it. */
  self: LockInfo;
  /** A lock whose heartbeat has not moved for this long (on the observer's monotonic clock) belongs to a dead owner. */
  staleMs: number;
  /** How long the observer has seen this lock's heartbeat not move (see createHeartbeatWatch). */
  silentForMs: number;
  /** Whether an owner id is a journal alive in this process. */
  isLiveHere(owner: string): boolean;
  /**
   * The start time of the process that now has the lock's pid (see readProcessStart): `null` when there is
   * none, `undefined` when it cannot be told. Read only when pids compare (`pidsCompare`).
   */
  pidStart?: string | null;
}

/** Whether the pid in a lock means the same thing here: written on this host, this boot, this pid namespace. */
export function pidsCompare(info: LockInfo | undefined, self: LockInfo): info is LockInfo {
  if (!info || !self.boot || !self.pidns) return false;
  if (info.host !== self.host || info.boot !== self.boot || info.pidns !== self.pidns) return false;
  return Number.isSafeInteger(info.pid) && info.pid > 0;
}

/**
 * Whether an owner folder's owner is gone, so its journal may be adopted. Released (no lock) decides on its
 * own. An owner whose pid compares (same host, boot and pid namespace) is alive while a process with its pid
 * and its start time exists, and gone at once when none does — whatever any wall clock says. Otherwise
 * (another container, another host, a start time that cannot be read) it is alive while its heartbeat
 * moves: gone once the observer has seen it still for `staleMs` on its own monotonic clock.
 */
export function isOwnerGone(lock: LockState, check: OwnerCheck): boolean {
  if (lock.missing) return true;
  const { info } = lock;
  if (pidsCompare(info, check.self)) {
    if (info.pid === check.self.pid) return !check.isLiveHere(info.owner);
    if (check.pidStart === null) return true;
    if (check.pidStart !== undefined && info.start !== undefined) return check.pidStart !== info.start;
  }
  return check.silentForMs > check.staleMs;
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
