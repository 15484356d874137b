import { resolveWithin } from '../timers';

/** Flushes waiting for a queue to empty: each resolves true when `notify` is called, or false at its timeout. */
export function waitUntilDrained() {
  let waiters: (() => void)[] = [];
  return {
    wait(timeout: number | undefined): Promise<boolean> {
      let waiter!: () => void;
      const drained = new Promise<boolean>((resolve) => waiters.push((waiter = () => resolve(true))));
      return resolveWithin(drained, timeout, false).finally(() => {
        waiters = waiters.filter((w) => w !== waiter);
      });
    },
    notify(): void {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    },
  };
}
