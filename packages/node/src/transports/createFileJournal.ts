import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { debugLogger, type EnvelopeJournal, type JournalSink } from '@faultline/core';
import { adoptOrphans, OWNER_ID } from './adoptOrphans';
import { createDurability } from './createDurability';
import { createHeartbeatWatch } from './createHeartbeatWatch';
import {
  createOwnerLock,
  LOCK_FILE,
  liveOwners,
  readHostFacts,
  type LockInfo,
  type LockState,
  type OwnerLock,
} from './createOwnerLock';
import { createSegmentStore } from './createSegmentStore';
import { defaultStateDir } from './defaultStateDir';
import { ensurePrivateFolder, ensurePrivateFolderSync, FolderRefused } from './ensurePrivateFolder';
import { isOwnerGone, pidsCompare, processExists } from './isOwnerGone';
import { readProcessStart } from './readProcessStart';
import { replayAdoptedFolder } from './replayAdoptedFolder';

export interface FileJournalOptions {
  /**
   * The folder journals live under, created 0700 when missing. Default: the user's state folder
   * (`~/.local/state/faultline` on Linux; see defaultStateDir).
   */
  directory?: string;
  /** This journal's subfolder, one per destination (init passes `hashString(destination.url)`): `[\w-]+`. */
  key: string;
  /**
   * Sync each batch of appends (and acknowledgements) to disk before its promise resolves. Off by default:
   * a record then survives a crash of the process (it is in the OS page cache once written), not a power
   * loss or a kernel panic — what an error reporter needs, at a fraction of the cost.
   */
  fsync?: boolean;
  /** How often the lock is touched and gone owners are looked for, in ms. Default 5,000. */
  heartbeatMs?: number;
  /** A lock whose heartbeat was not seen moving for this long means its owner is gone, in ms. Default 20,000. */
  staleMs?: number;
  /** After a failed write, the first wait before a probe and the longest, in ms. Defaults 1,000 and 30,000. */
  probeMinMs?: number;
  probeMaxMs?: number;
  /** This owner's id (32 lowercase hex digits); random by default. Tests use it to play several processes. */
  ownerId?: string;
  /** The wall clock: only what the lock's mtime says (for people reading it). Liveness never uses it. */
  now?: () => number;
  /** The monotonic clock a lock's silence is measured on. Default `performance.now`. */
  clock?: () => number;
}

/**
 * The Node file journal behind the transport's in-memory queue: `<directory>/<key>/<owner id>/`, private
 * (folders 0700 and checked, files 0600, symlinks never followed), one folder per live process, held by a
 * lock. Appends arriving together are written as one segment file (group commit); an acknowledgement is
 * one byte written in place, and a segment is deleted once all of its records are acknowledged. A process
 * that is gone (its pid and start time, or its silent heartbeat, say so; never the wall clock) has its folder
 * adopted whole by exactly one live process (an atomic rename), which replays it in the background as fast
 * as the transport takes it. A disk that fails is probed until it heals; never throws or rejects.
 */
export function createFileJournal(options: FileJournalOptions): EnvelopeJournal {
  const { directory = defaultStateDir(), key, fsync = false, heartbeatMs = 5000, staleMs = 20_000 } = options;
  const { now = Date.now, clock = () => performance.now() } = options;
  let owner = options.ownerId ?? randomBytes(16).toString('hex');
  const journal = path.join(directory, key);
  let closed = false;
  /** Closed by persistSync (the process is exiting), which may run again for what is captured later. */
  let exited = false;
  /** The owner id the exit's synchronous write uses when the set-up's staging folder is in its way. */
  let exitOwner: string | undefined;
  let started: Promise<string | undefined> | undefined;
  let lock: OwnerLock | undefined;
  let self: LockInfo | undefined;
  let sink: JournalSink | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let adopting: Promise<void> | undefined;
  let beating = false;
  const watch = createHeartbeatWatch(clock);
  const skipped = new Set<string>();

  const store = createSegmentStore({
    folder: () => start(),
    folderSync,
    fsync,
    onFailure: (error) => durability.failed('a write failed', error),
  });
  const durability = createDurability({
    probe,
    waiting: () => store.waiting,
    warn: (message) => debugLogger.configProblem(`file journal ${journal}: ${message}`),
    minProbeMs: options.probeMinMs,
    maxProbeMs: options.probeMaxMs,
  });
  const start = () => (started ??= setUp());

  async function setUp(): Promise<string | undefined> {
    try {
      if (!/^[\w-]{1,128}$/.test(key) || !OWNER_ID.test(owner)) throw new FolderRefused(`invalid key or owner id`);
      // Beside the folders, not after them: the sooner the first batch is written, the less a crash loses.
      const facts = readHostFacts();
      await ensurePrivateFolder(directory, 'base');
      await ensurePrivateFolder(journal, 'private');
      self = { ...(await facts), owner };
      lock = await createOwnerLock(journal, self, now());
      if (closed) return undefined; // close() releases the lock
      timer ??= setInterval(() => void heartbeat(), heartbeatMs);
      timer.unref?.();
      return lock.folder;
    } catch (error) {
      started = undefined; // a later probe sets up again
      if (error instanceof FolderRefused) {
        durability.refused('it may not use its folder', error);
        store.abandon();
      } else durability.failed('it cannot set up its folder', error);
      return undefined;
    }
  }

  /** One write, for a journal that failed: set up again where that failed, else write what waits. */
  async function probe(): Promise<boolean> {
    if (closed) return false;
    if (!lock && !(await start())) return false;
    return store.probe();
  }

  async function isGone(state: LockState, folder: string): Promise<boolean> {
    const info = state.info;
    let pidStart: string | null | undefined;
    if (pidsCompare(info, self!) && info.pid !== self!.pid) {
      pidStart = await readProcessStart(info.pid);
      if (pidStart === undefined && !processExists(info.pid)) pidStart = null;
    }
    const silentForMs = watch.silentFor(folder, state.mtimeMs);
    return isOwnerGone(state, { self: self!, staleMs, silentForMs, pidStart, isLiveHere: (id) => liveOwners.has(id) });
  }

  function adopt(): Promise<void> {
    return (adopting ??= (async () => {
      try {
        const own = await start();
        if (!own || !sink || closed) return;
        const found = await adoptOrphans({ journal, own, isGone, watch, staleMs });
        watch.sweep();
        const fresh = found.skipped.filter((folder) => !skipped.has(folder));
        fresh.forEach((folder) => skipped.add(folder));
        if (fresh.length > 0)
          debugLogger.warn(`file journal ${journal}: left ${fresh.length} folder(s) it may not touch`, fresh);
        for (const folder of found.adopted) {
          if (closed || !lock) break;
          await replayAdoptedFolder(folder, store, sink, () => closed || !lock).catch((error: unknown) =>
            debugLogger.warn(`file journal ${journal}: could not read ${folder}`, error),
          );
        }
      } catch (error) {
        debugLogger.warn(`file journal ${journal}: looking for what earlier processes left failed`, error);
      } finally {
        adopting = undefined;
      }
    })());
  }

  async function heartbeat(): Promise<void> {
    if (beating || closed || !lock) return;
    beating = true;
    try {
      await lock.touch(now());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        // Our folder was adopted (or removed): another process sends what we had journaled. What is in
        // memory is still delivered from here; later appends go to a new folder, under a new owner id.
        lock.releaseSync();
        lock = undefined;
        started = undefined;
        owner = randomBytes(16).toString('hex');
        store.relocate();
        durability.failed('its folder was taken away', error);
      }
    } finally {
      beating = false;
    }
    if (lock) await adopt();
  }

  /** For a process exiting before its folder was set up: the folder made now, synchronously, without a lock. */
  function folderSync(): { path: string; commit(): void } | undefined {
    if (lock) return { path: lock.folder, commit: () => undefined };
    if (durability.state === 'refused' || !/^[\w-]{1,128}$/.test(key) || !OWNER_ID.test(owner)) return undefined;
    try {
      ensurePrivateFolderSync(directory, 'base');
      ensurePrivateFolderSync(journal, 'private');
      // The asynchronous set-up may be half done (its staging folder made, not renamed yet) and cannot finish
      // now: this write stages apart from it, under an owner id of its own (the next process adopts both).
      exitOwner ??= lstatSync(path.join(journal, `.new-${owner}`), { throwIfNoEntry: false })
        ? randomBytes(16).toString('hex')
        : owner;
      const own = path.join(journal, exitOwner);
      if (lstatSync(own, { throwIfNoEntry: false })) return { path: own, commit: () => undefined };
      // Written under a staging name, then renamed into place without a lock: released, for the next process.
      const staging = path.join(journal, `.new-${exitOwner}`);
      mkdirSync(staging, { mode: 0o700 });
      return {
        path: staging,
        commit() {
          rmSync(path.join(staging, LOCK_FILE), { force: true });
          renameSync(staging, own);
        },
      };
    } catch {
      return undefined;
    }
  }

  return {
    async open(journalSink) {
      if (sink || closed) return;
      sink = journalSink;
      await adopt();
    },
    append: (record) => store.append(record),
    acknowledge: (id) => store.acknowledge(id),
    read: (id) => store.read(id),
    isDurable: () => durability.state === 'durable',
    persistSync(options) {
      // Again after the exit hook (an `exit` listener of the app's captured): write what came since.
      if (closed && !exited) return false;
      if (options?.keepOpen && !closed) return store.persistSync(options);
      closed = exited = true;
      clearInterval(timer);
      durability.close();
      let written = false;
      try {
        written = store.persistSync();
      } catch (error) {
        debugLogger.warn(`file journal ${journal}: could not write what was left at exit`, error);
      }
      // Released: the next process (on any host) adopts what is left at once.
      lock?.releaseSync();
      return written;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      durability.close();
      try {
        await adopting;
        await store.close();
        await started; // a set-up still under way creates the lock first
        await lock?.release();
      } catch {
        // close() never rejects; a lock left behind is adopted once its owner is seen gone
      }
    },
  };
}
