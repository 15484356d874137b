import { endSessions, getClient, installOnce, type Integration } from '@faultline/core';

/**
 * Flushes on `SIGTERM` / `SIGINT` (then lets the app's own handling proceed, or exits as Node would
 * when it has none) and once on `beforeExit`, so what was captured last is not lost on shutdown. On `exit`
 * (`process.exit()`, or the end of the process), where nothing asynchronous runs any more, what was
 * captured and not yet journaled is processed and written synchronously, for the next process to send.
 */
/* @__NO_SIDE_EFFECTS__ */
export function gracefulShutdownIntegration(options: { timeout?: number } = {}): Integration {
  const timeout = options.timeout ?? 2000;
  return {
    name: 'GracefulShutdown',
    setup() {
      installOnce('graceful-shutdown', () => install(timeout));
    },
  };
}

function install(timeout: number): () => void {
  const removals: (() => void)[] = [];
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const onSignal = (): void => {
      const appHandles = process.listenerCount(signal) > 1;
      // Killed by the signal (the app does not stop on its own): the session ends abnormal.
      if (!appHandles) endSessions('abnormal');
      void Promise.resolve(getClient()?.flush(timeout)).finally(() => {
        if (appHandles) return;
        // No handler of the app's: end the way the signal would have ended the process.
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      });
    };
    process.on(signal, onSignal);
    removals.push(() => process.off(signal, onSignal));
  }
  let flushedBeforeExit = false;
  const onBeforeExit = (): void => {
    // beforeExit fires again whenever the loop empties: flush once, or it would never exit. Not at all when
    // the app's own flush already waited for everything (a receiver that never answers would hold it again).
    const client = getClient();
    if (flushedBeforeExit || client?.hasUnflushedWork?.() === false) return;
    flushedBeforeExit = true;
    void client?.flush(timeout);
  };
  process.on('beforeExit', onBeforeExit);
  removals.push(() => process.off('beforeExit', onBeforeExit));
  const onExit = (): void => getClient()?.persistSync?.();
  process.on('exit', onExit);
  removals.push(() => process.off('exit', onExit));
  return () => removals.forEach((remove) => remove());
}
