import { setTimer } from '../timers';

/**
 * One timer for the earliest time something waiting becomes due (a retry, a lifted rate limit, the next
 * probe). Unref'd, so an idle SDK keeps nothing alive, unless someone waits on it (`keepAlive`).
 */
export function createWakeTimer(onWake: () => void) {
  let cancel: (() => void) | undefined;
  let due = Infinity;
  let kept = false;
  return {
    at(time: number, keepAlive = false): void {
      if (time > due || (time === due && kept >= keepAlive)) return;
      cancel?.();
      due = time;
      kept = keepAlive;
      cancel = setTimer(
        () => {
          cancel = undefined;
          due = Infinity;
          onWake();
        },
        Math.max(0, time - Date.now()),
        keepAlive,
      );
    },
    cancel(): void {
      cancel?.();
      cancel = undefined;
      due = Infinity;
    },
  };
}
