import type { EnvelopeQueue, QueueEntry } from './createEnvelopeQueue';
import { entryFromRecord } from './createQueueEntry';
import { systemClock } from './systemClock';
import type { DeliveryClock, JournalSink, ReplayVerdict } from './types';

export interface ReplaySinkOptions {
  queue: Pick<EnvelopeQueue, 'size' | 'hasMemoryFor'>;
  /** The queue's bound: replayed entries take half of it at most, so this process's own keep room. */
  maxEntries: number;
  /** Requests in flight at once: replayed entries held are a few times this at most (REPLAY_PER_SLOT). */
  concurrency?: number;
  /** The transport's clocks: a replayed entry's age is what it had on disk, then grows monotonically. */
  clock?: DeliveryClock;
  /** Admits a replayed entry into the queue; false: refused (and counted by the caller). */
  admit(entry: QueueEntry): boolean;
  unreadable: JournalSink['unreadable'];
  /** Called after each replayed batch, to start sending it. */
  pump(): void;
  /** The journal took no step for `stallMs` (default 30 s) while the queue had room: its disk hangs, a flush waits no more. */
  onStall(): void;
  stallMs?: number;
}

/**
 * Replayed entries held at once per request slot: enough that the requests in flight never wait for the
 * journal (it refills once half have left), few enough that their bodies stay in memory (none is read from
 * disk twice) and that a refill is a small step. Holding half the queue (5,000 in Node) made each refill
 * thousands of entries and bodies at once, all surviving into the old generation: a backlog's replay paused
 * for the garbage collector beyond 100 ms (issue #24).
 */
const REPLAY_PER_SLOT = 4;

/**
 * The transport's side of replay, with backpressure: a replayed record is queued while fewer than
 * REPLAY_PER_SLOT × concurrency (and half the queue's entries) are replayed ones and the queue has room;
 * otherwise it stays on disk (`later`) and the journal waits for `ready()`, which resolves once half of them
 * have left. A record the queue refuses
 * costs nothing here (the journal forgets it itself): no promise, no timer.
 */
export function createReplaySink(options: ReplaySinkOptions) {
  const { queue, maxEntries, stallMs = 30_000, clock = systemClock } = options;
  const capacity = Math.max(
    1,
    Math.min(Math.ceil(maxEntries / 2), REPLAY_PER_SLOT * (options.concurrency ?? Infinity)),
  );
  const hasRoom = () => queue.size < maxEntries;
  const replayed = new WeakSet<QueueEntry>();
  let queued = 0;
  let closed = false;
  /** The journal waiting for room, and how to let it go on. */
  let waiting: Promise<void> | undefined;
  let wakeUp = (): void => undefined;
  let cancelStall: (() => void) | undefined;

  const roomNow = () => closed || (queued < capacity && hasRoom());
  const watch = () => {
    cancelStall?.();
    cancelStall = closed ? undefined : clock.setTimer(options.onStall, stallMs);
  };
  const wake = () => {
    if (!waiting) return;
    waiting = undefined;
    watch();
    wakeUp();
  };

  watch(); // from open: a journal that never takes its first step (its disk hangs) must not hold flushes

  const sink: JournalSink = {
    replay(records) {
      // Room only shrinks within one call: once there is none, every later record is `later` too.
      const verdicts = records.map((record): ReplayVerdict => {
        if (closed || !roomNow()) return 'later';
        const entry = entryFromRecord(record, queue.hasMemoryFor(record.body), clock.now(), clock.wall());
        if (!options.admit(entry)) return 'refused';
        replayed.add(entry);
        queued++;
        return 'queued';
      });
      watch();
      options.pump();
      return verdicts;
    },
    ready() {
      if (roomNow()) return Promise.resolve();
      cancelStall?.(); // waiting for room is not a stall
      return (waiting ??= new Promise<void>((resolve) => (wakeUp = resolve)));
    },
    unreadable: options.unreadable,
  };

  const done = (): void => {
    cancelStall?.();
    cancelStall = undefined;
  };
  return {
    sink,
    /** An entry left the queue: when it was replayed, room for more may have come back. */
    left(entry: QueueEntry): void {
      if (replayed.delete(entry)) queued--;
      if (waiting && queued <= capacity / 2 && hasRoom()) wake();
    },
    /** Replay has nothing more to hand: no stall to watch for. */
    done,
    /** The transport closes: the journal stops offering (what it holds stays for the next process). */
    close(): void {
      closed = true;
      done();
      wake();
    },
  };
}
