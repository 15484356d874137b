import { hostname } from 'node:os';
import path from 'node:path';
import { unlinkSync } from 'node:fs';
import { lstat, lutimes, mkdir, readFile, readlink, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { readPrivateFile } from './readPrivateFile';
import { readProcessStart } from './readProcessStart';

/** What a lock says about its owner: enough to prove it dead quickly when it ran beside us (see isOwnerGone). */
export interface LockInfo {
  owner: string;
  pid: number;
  host: string;
  /** Linux: /proc/sys/kernel/random/boot_id and the pid namespace (`pid:[…]`); pids compare only within both. */
  boot?: string;
  pidns?: string;
  /** Linux: when the process started (field 22 of /proc/<pid>/stat), so a reused pid is not taken for it. */
  start?: string;
}

/**
 * A lock as found on disk: `missing` once its owner released it; `mtimeMs` is its heartbeat, a value that
 * moves at every beat (it is compared with what it was, never with a clock: see createHeartbeatWatch).
 */
export interface LockState {
  missing: boolean;
  info?: LockInfo;
  mtimeMs?: number;
}

export interface OwnerLock {
  /** The owner folder: `<journal>/<owner id>`, holding `lock` and the owner's segments. */
  folder: string;
  /** Heartbeat: a new mtime (never the one before); rejects with ENOENT once the folder is gone (adopted). */
  touch(now: number): Promise<void>;
  /** Removes the lock: the folder becomes an orphan at once, for the next owner to adopt. */
  release(): Promise<void>;
  /** The same, synchronously: for a process that is exiting. */
  releaseSync(): void;
}

export const LOCK_FILE = 'lock';

/**
 * Owner ids of the journals alive in this process, across copies of this module (ESM and CJS builds side
 * by side): an owner with our pid but not listed here is a dead process whose pid we were given.
 */
export const liveOwners: Set<string> = ((globalThis as Record<symbol, Set<string>>)[
  Symbol.for('faultline.journalOwners')
] ??= new Set<string>());

/** This process's identity, as recorded in its locks. */
export async function readHostFacts(): Promise<LockInfo> {
  const facts: LockInfo = { owner: '', pid: process.pid, host: hostname() };
  if (process.platform !== 'linux') return facts;
  const [boot, pidns, start] = await Promise.all([
    readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => undefined),
    readlink('/proc/self/ns/pid').catch(() => undefined),
    readProcessStart('self'),
  ]);
  // Without both, pids are not compared (the heartbeat alone decides).
  if (boot && pidns) Object.assign(facts, { boot: boot.trim(), pidns });
  if (start) facts.start = start;
  return facts;
}

/**
 * Creates this process's owner folder with its lock inside. The folder is made under a dot-name and renamed
 * into place, so no other process ever sees it without its lock (which would read as released).
 */
export async function createOwnerLock(journal: string, facts: LockInfo, now: number): Promise<OwnerLock> {
  const folder = path.join(journal, facts.owner);
  const staging = path.join(journal, `.new-${facts.owner}`);
  const lock = path.join(folder, LOCK_FILE);
  try {
    await mkdir(staging, { mode: 0o700 });
    await writeFile(path.join(staging, LOCK_FILE), JSON.stringify(facts), { flag: 'wx', mode: 0o600 });
    await rename(staging, folder);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  liveOwners.add(facts.owner);
  // The wall clock's time when it moves forward (people read mtimes), else a second past the last beat (filesystems keep at least seconds): a
  // clock stepped back or frozen must not stop the heartbeat from moving.
  let last = now;
  return {
    folder,
    touch(at) {
      last = at > last ? at : last + 1000;
      return lutimes(lock, last / 1000, last / 1000);
    },
    async release() {
      liveOwners.delete(facts.owner);
      await unlink(lock).catch(() => undefined);
    },
    releaseSync() {
      liveOwners.delete(facts.owner);
      try {
        unlinkSync(lock);
      } catch {
        // already gone
      }
    },
  };
}

/** Reads the lock of another owner's folder; never follows a symlink. */
export async function readOwnerLock(folder: string): Promise<LockState> {
  const file = path.join(folder, LOCK_FILE);
  let state: LockState;
  try {
    const stat = await lstat(file);
    state = { missing: false, mtimeMs: stat.mtimeMs };
    if (!stat.isFile()) return state;
  } catch (error) {
    return { missing: (error as NodeJS.ErrnoException).code === 'ENOENT' };
  }
  try {
    const bytes = await readPrivateFile(file, 4096);
    const info = bytes && (JSON.parse(bytes.toString('utf8')) as Partial<LockInfo>);
    if (info && typeof info.owner === 'string' && Number.isSafeInteger(info.pid) && typeof info.host === 'string') {
      if (info.start !== undefined && typeof info.start !== 'string') delete info.start;
      state.info = info as LockInfo;
    }
  } catch {
    // An unreadable lock is judged by its age alone.
  }
  return state;
}
