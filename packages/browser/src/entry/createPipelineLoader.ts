/** Where the pipeline is: not asked for yet, on its way, here, or not loaded after its last attempt. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

/** Runs `callback` at the page's first idle moment (no later than a bound); returns how to cancel. */
export type ScheduleIdle = (callback: () => void) => () => void;

export interface PipelineLoader {
  state(): LoadState;
  /** Loads now: the first capture does, as do retries after a failure. Nothing while loading or ready. */
  request(): void;
  /** Resolves true once ready, false when a load fails or `timeout` ms pass first. */
  whenReady(timeout?: number): Promise<boolean>;
  /** Forgets its listeners and timers (the client closed). */
  stop(): void;
}

export interface LoaderEvents<M> {
  /** The module arrived: start it. A throw counts as a failed load. */
  ready(module: M): void;
  /** An attempt failed; `first` when the previous attempt had not (a new streak of failures). */
  failed(error: unknown, first: boolean): void;
}

/**
 * The pipeline's one state machine: `idle` → `loading` (at the first idle moment, or at once on request)
 * → `ready`, or `failed`, from which the browser coming back online, the page becoming visible and any
 * request (a capture, a flush) start `loading` again. Listeners exist only while it has failed.
 */
export function createPipelineLoader<M>(
  load: () => Promise<M>,
  events: LoaderEvents<M>,
  scheduleIdle: ScheduleIdle = idleCallback,
): PipelineLoader {
  let state: LoadState = 'idle';
  let failures = 0;
  const waiters = new Set<(ready: boolean) => void>();
  const settle = (ready: boolean): void => {
    for (const resolve of [...waiters]) resolve(ready);
    waiters.clear();
  };
  const retry = (): void => {
    if (typeof document === 'undefined' || document.visibilityState !== 'hidden') loader.request();
  };
  const listen = (on: boolean): void => {
    if (typeof document === 'undefined') return;
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('online', retry);
    document[method]('visibilitychange', retry);
  };
  const fail = (error: unknown): void => {
    state = 'failed';
    if (failures++ === 0) listen(true);
    events.failed(error, failures === 1);
    settle(false);
  };
  let cancelIdle = scheduleIdle(() => loader.request());

  const loader: PipelineLoader = {
    state: () => state,
    request() {
      if (state === 'loading' || state === 'ready') return;
      cancelIdle();
      state = 'loading';
      load().then((module) => {
        try {
          events.ready(module);
        } catch (error) {
          return fail(error);
        }
        state = 'ready';
        if (failures > 0) listen(false);
        failures = 0;
        settle(true);
      }, fail);
    },
    whenReady(timeout) {
      if (state === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = timeout === undefined ? undefined : setTimeout(() => done(false), timeout);
        const done = (ready: boolean): void => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve(ready);
        };
        waiters.add(done);
      });
    },
    stop() {
      cancelIdle();
      cancelIdle = () => undefined;
      if (failures > 0) listen(false);
      failures = 0;
    },
  };
  return loader;
}

/** The first idle moment, and 2 s at the latest; a short timeout where `requestIdleCallback` is missing. */
export function idleCallback(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 200);
  return () => clearTimeout(handle);
}
