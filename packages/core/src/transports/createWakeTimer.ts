import { setTimer } from '../timers';

/**
 * One timer for the earliest time something waiting becomes due (a retry, a lifted rate limit, the next
 * probe). Unref'd: an idle SDK keeps nothing alive; a flush that waits keeps the process alive itself,
 * until its own timeout only.
 */
export function createWakeTimer(onWake: () => void) {
  let cancel: (() => void) | undefined;
  let due = Infinity;
  return {
    at(time: number): void {
      if (time >= due) return;
      cancel?.();
      due = time;
      cancel = setTimer(
        () => {
          cancel = undefined;
          due = Infinity;
          onWake();
        },
        Math.max(0, time - Date.now()),
      );
    },
    cancel(): void {
      cancel?.();
      cancel = undefined;
      due = Infinity;
    },
  };
}
