const MAX_TIMER_MS = 2 ** 31 - 1;

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
  // Timers take at most 2^31 - 1 ms (24.8 days); a longer wait (a Retry-After of a year) would fire at once
  // and re-arm in a hot loop. Capped, it fires early and whoever waits looks at the time again.
  const handle = host.setTimeout(callback, Math.min(Math.max(0, ms), MAX_TIMER_MS));
  if (!keepAlive) (handle as { unref?: () => void } | undefined)?.unref?.();
  return () => host.clearTimeout(handle);
}

/**
 * The promise's value if it resolves within `timeout` ms (or at all, with no timeout); else `fallback`.
 * The timeout keeps a Node process alive until it fires (unless `keepAlive` is false): whoever awaits this
 * (a flush before exit) gets its answer instead of the process ending early.
 */
export function resolveWithin<T>(
  promise: PromiseLike<T>,
  timeout: number | undefined,
  fallback: T,
  keepAlive = true,
): Promise<T> {
  const settled = Promise.resolve(promise).catch(() => fallback);
  return new Promise((resolve) => {
    // Without a timeout, a timer that never fires (the longest one allowed) holds the process until then.
    const cancel = setTimer(() => resolve(fallback), timeout ?? MAX_TIMER_MS, keepAlive);
    void settled.then((value) => {
      cancel();
      resolve(value);
    });
  });
}
