import type { DeliveryClock } from './types';

/**
 * One timer for the earliest time something waiting becomes due (a retry, a lifted rate limit, the next
 * probe), in `clock.now()` time (monotonic: a wall-clock step neither freezes nor hurries it). Unref'd: an
 * idle SDK keeps nothing alive; a flush that waits keeps the process alive itself, until its own timeout only.
 */
export function createWakeTimer(onWake: () => void, clock: Pick<DeliveryClock, 'now' | 'setTimer'>) {
  let cancel: (() => void) | undefined;
  let due = Infinity;
  return {
    at(time: number): void {
      if (time >= due) return;
      cancel?.();
      due = time;
      cancel = clock.setTimer(
        () => {
          cancel = undefined;
          due = Infinity;
          onWake();
        },
        Math.max(0, time - clock.now()),
      );
    },
    cancel(): void {
      cancel?.();
      cancel = undefined;
      due = Infinity;
    },
  };
}
