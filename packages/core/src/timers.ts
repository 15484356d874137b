type TimerHost = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/**
 * Runs `callback` after `ms`, returning a cancel function. In Node the timer is unref'd unless
 * `keepAlive`: the SDK's own timers never keep an idle process alive, but a flush the app awaits does.
 */
export function setTimer(callback: () => void, ms: number, keepAlive = false): () => void {
  const host = globalThis as unknown as TimerHost;
  const handle = host.setTimeout(callback, ms);
  if (!keepAlive) (handle as { unref?: () => void } | undefined)?.unref?.();
  return () => host.clearTimeout(handle);
}

/**
 * The promise's value if it resolves within `timeout` ms (or at all, with no timeout); else `fallback`.
 * The timeout keeps a Node process alive until it fires: whoever awaits this (a flush before exit) gets
 * its answer instead of the process ending early.
 */
export function resolveWithin<T>(promise: PromiseLike<T>, timeout: number | undefined, fallback: T): Promise<T> {
  const settled = Promise.resolve(promise).catch(() => fallback);
  return new Promise((resolve) => {
    // Without a timeout, a timer that never fires (the longest one allowed) holds the process until then.
    const cancel = setTimer(() => resolve(fallback), timeout === undefined ? 2 ** 31 - 1 : Math.max(0, timeout), true);
    void settled.then((value) => {
      cancel();
      resolve(value);
    });
  });
}
