import { systemClock } from './systemClock';
import type { DeliveryClock, EnvelopeJournal } from './types';

/**
 * The transport's acknowledgements to its journal, counted so a flush can wait for them (or the next process
 * would send again what was delivered). One watchdog for all of them, not a timer each: a journal whose disk
 * hangs (a folder on /proc, a dead network mount) must not hold every flush, so when none was written for
 * `waitMs`, those outstanding are let go (they stay in the journal; the next process may send them again).
 * `idle` is called whenever none is outstanding any more. The watchdog runs on `clock` (monotonic).
 */
export function createAcknowledger(
  journal: EnvelopeJournal,
  waitMs: number,
  idle: () => void,
  clock: Pick<DeliveryClock, 'setTimer'> = systemClock,
) {
  let pending = 0;
  let written = 0;
  let round = 0;
  let watchdog: (() => void) | undefined;

  function watch(): void {
    if (watchdog) return;
    const seen = written;
    watchdog = clock.setTimer(() => {
      watchdog = undefined;
      if (pending === 0) return;
      if (written !== seen) return watch();
      pending = 0;
      round++;
      idle();
    }, waitMs);
  }

  return {
    acknowledge(id: string): void {
      pending++;
      watch();
      const mine = round;
      void Promise.resolve(journal.acknowledge(id))
        .catch(() => undefined)
        .then(() => {
          if (mine !== round) return;
          written++;
          if (--pending === 0) idle();
        });
    },
    /** Acknowledgements not yet written. */
    get pending(): number {
      return pending;
    },
  };
}
