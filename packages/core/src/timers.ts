type TimerHost = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/**
 * Runs `callback` after `ms`, returning a cancel function. In Node the timer is unref'd: the SDK's own
 * timers must never keep a process alive.
 */
export function setTimer(callback: () => void, ms: number): () => void {
  const host = globalThis as unknown as TimerHost;
  const handle = host.setTimeout(callback, ms);
  (handle as { unref?: () => void } | undefined)?.unref?.();
  return () => host.clearTimeout(handle);
}

/** The promise's value if it resolves within `timeout` ms (or at all, with no timeout); else `fallback`. */
export function resolveWithin<T>(promise: PromiseLike<T>, timeout: number | undefined, fallback: T): Promise<T> {
  const settled = Promise.resolve(promise).catch(() => fallback);
  if (timeout === undefined) return settled;
  return new Promise((resolve) => {
    const cancel = setTimer(() => resolve(fallback), Math.max(0, timeout));
    void settled.then((value) => {
      cancel();
      resolve(value);
    });
  });
}
