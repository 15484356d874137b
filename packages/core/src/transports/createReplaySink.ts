import { setTimer } from '../timers';
import type { QueueEntry } from './createEnvelopeQueue';
import { entryFromRecord } from './createQueueEntry';
import type { JournalSink, ReplayVerdict } from './types';

export interface ReplaySinkOptions {
  /** Most replayed entries in the queue at once: the rest stay on disk until these have left. */
  capacity: number;
  /** Whether the queue has room for one more entry now. */
  hasRoom(): boolean;
  /** Whether a replayed entry may keep its body in memory. */
  keepBody(body: string | Uint8Array): boolean;
  /** Admits a replayed entry into the queue; false: refused (and counted by the caller). */
  admit(entry: QueueEntry): boolean;
  unreadable: JournalSink['unreadable'];
  /** Called after each replayed batch, to start sending it. */
  pump(): void;
  /** The journal took no step for `stallMs` while the queue had room (its disk hangs). */
  onStall(): void;
  stallMs: number;
}

/**
 * The transport's side of replay, with backpressure: a replayed record is queued while fewer than
 * `capacity` replayed entries wait in the queue and the queue has room; otherwise it stays on disk (`later`)
 * and the journal waits for `ready()`, which resolves once half of them have left. A record the queue refuses
 * costs nothing here (the journal forgets it itself): no promise, no timer.
 */
export function createReplaySink(options: ReplaySinkOptions) {
  const { capacity } = options;
  const replayed = new WeakSet<QueueEntry>();
  let queued = 0;
  let closed = false;
  let waiters: (() => void)[] = [];
  let cancelStall: (() => void) | undefined;

  const roomNow = () => closed || (queued < capacity && options.hasRoom());
  const watch = () => {
    cancelStall?.();
    cancelStall = closed ? undefined : setTimer(options.onStall, options.stallMs);
  };
  const wake = () => {
    const ready = waiters;
    waiters = [];
    if (ready.length > 0) watch();
    for (const resolve of ready) resolve();
  };

  watch(); // from open: a journal that never takes its first step (its disk hangs) must not hold flushes

  const sink: JournalSink = {
    replay(records) {
      const verdicts: ReplayVerdict[] = [];
      for (const record of records) {
        if (verdicts.at(-1) === 'later' || !roomNow() || closed) {
          verdicts.push('later');
          continue;
        }
        const entry = entryFromRecord(record, options.keepBody(record.body));
        if (!options.admit(entry)) verdicts.push('refused');
        else {
          replayed.add(entry);
          queued++;
          verdicts.push('queued');
        }
      }
      watch();
      options.pump();
      return verdicts;
    },
    ready() {
      if (roomNow()) return Promise.resolve();
      cancelStall?.(); // waiting for room is not a stall
      return new Promise((resolve) => waiters.push(resolve));
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
      if (waiters.length > 0 && queued <= capacity / 2 && options.hasRoom()) wake();
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
