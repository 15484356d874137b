import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { debugLogger, type EnvelopeJournal, type JournalSink } from '@faultline/core';
import { adoptOrphans, OWNER_ID } from './adoptOrphans';
import { createOwnerLock, liveOwners, readHostFacts, type LockInfo, type OwnerLock } from './createOwnerLock';
import { createSegmentStore } from './createSegmentStore';
import { defaultStateDir } from './defaultStateDir';
import { ensurePrivateFolder } from './ensurePrivateFolder';
import { isOwnerGone, processExists } from './isOwnerGone';
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
  /** A lock not touched for this long means its owner is gone, in ms. Default 20,000. */
  staleMs?: number;
  /** This owner's id (32 lowercase hex digits); random by default. Tests use it to play several processes. */
  ownerId?: string;
  /** The clock heartbeats and staleness are measured with. */
  now?: () => number;
}

type JournalState = 'running' | 'lost' | 'closed';

/**
 * The Node file journal behind the transport's in-memory queue: `<directory>/<key>/<owner id>/`, private
 * (folders 0700 and checked, files 0600, symlinks never followed), one folder per live process, held by a
 * lock whose heartbeat relies on no pid. Appends arriving together are written as one segment file (group
 * commit); an acknowledgement is one byte written in place, and a segment is deleted once all of its records
 * are acknowledged. A process whose lock goes stale (or is released at close) has its folder adopted whole
 * by exactly one live process (an atomic rename), which replays its records in the background.
 * Never throws or rejects: on any filesystem failure it carries on as a no-op, with one debug message.
 */
export function createFileJournal(options: FileJournalOptions): EnvelopeJournal {
  const {
    directory = defaultStateDir(),
    key,
    fsync = false,
    heartbeatMs = 5000,
    staleMs = 20_000,
    now = Date.now,
  } = options;
  const owner = options.ownerId ?? randomBytes(16).toString('hex');
  const journal = path.join(directory, key);
  let state: JournalState = 'running';
  let warned = false;
  let started: Promise<string | undefined> | undefined;
  let lock: OwnerLock | undefined;
  let self: LockInfo | undefined;
  let sink: JournalSink | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let adopting: Promise<void> | undefined;
  let beating = false;

  const warnOnce = (problem: string, error?: unknown) => {
    if (warned) return;
    warned = true;
    debugLogger.warn(`file journal ${journal}: ${problem}; queued envelopes are kept in memory only.`, error);
  };
  const start = () => (started ??= setUp());
  const store = createSegmentStore({ folder: start, fsync, onFailure: (error) => warnOnce('a write failed', error) });

  async function setUp(): Promise<string | undefined> {
    try {
      if (!/^[\w-]{1,128}$/.test(key) || !OWNER_ID.test(owner)) throw new Error(`invalid key or owner id`);
      await ensurePrivateFolder(directory, 'base');
      await ensurePrivateFolder(journal, 'private');
      self = { ...(await readHostFacts()), owner };
      lock = await createOwnerLock(journal, self, now());
      if (state !== 'running') return undefined; // closed meanwhile: close() releases the lock
      timer = setInterval(() => void heartbeat(), heartbeatMs);
      timer.unref?.();
      return lock.folder;
    } catch (error) {
      warnOnce('it cannot be used', error);
      return undefined;
    }
  }

  function adopt(): Promise<void> {
    return (adopting ??= (async () => {
      try {
        const own = await start();
        if (!own || !sink || state !== 'running') return;
        const check = { self: self!, staleMs, isLiveHere: (id: string) => liveOwners.has(id), processExists };
        const isGone = (lockState: Parameters<typeof isOwnerGone>[0]) =>
          isOwnerGone(lockState, { ...check, now: now() });
        const folders = await adoptOrphans({ journal, own, isGone, staleMs, now: now() });
        for (const folder of folders) {
          if (state !== 'running') break;
          await replayAdoptedFolder(folder, store, sink, () => state !== 'running');
        }
      } catch (error) {
        warnOnce('reading what earlier processes left failed', error);
      } finally {
        adopting = undefined;
      }
    })());
  }

  async function heartbeat(): Promise<void> {
    if (beating || state !== 'running' || !lock) return;
    beating = true;
    try {
      await lock.touch(now());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        // Our folder was adopted: another process judged us gone (this one stalled past staleMs) and now
        // sends what we had journaled. Stop writing there; what is in memory is still delivered from here.
        state = 'lost';
        clearInterval(timer);
        warnOnce('another process adopted it', error);
        store.fail(error);
      }
    } finally {
      beating = false;
    }
    if (state === 'running') await adopt();
  }

  return {
    async open(journalSink) {
      if (sink || state === 'closed') return;
      sink = journalSink;
      await adopt();
    },
    append: (record) => store.append(record),
    appendSync: (records) => store.appendSync(records),
    acknowledge: (id) => store.acknowledge(id),
    read: (id) => store.read(id),
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      clearInterval(timer);
      try {
        await adopting;
        await store.close();
        await started; // a set-up still under way creates the lock first
        await lock?.release();
      } catch {
        // close() never rejects; a lock left behind goes stale and is adopted
      }
    },
  };
}
