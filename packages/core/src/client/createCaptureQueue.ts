import { debugLogger } from '../debugLogger';
import { isThenable } from './maybePromise';

/** Captured events that may wait for the pipeline at once (each holds its frames, scope data…). */
const MAX_WAITING = 100;

/**
 * The captures waiting for the pipeline, in capture order, and what is still running for them: jobs run in
 * one microtask after the capture that queued them, so a capture returns its event id at once.
 */
export function createCaptureQueue() {
  /** What flush waits for: drains scheduled and asynchronous hooks the jobs started. */
  const pending = new Set<PromiseLike<unknown>>();
  /** Captured events waiting for the pipeline, oldest first. */
  const waiting: (() => unknown)[] = [];

  const track = (result: unknown): void => {
    if (!isThenable(result)) return;
    pending.add(result);
    const settle = (): void => void pending.delete(result);
    result.then(settle, (error: unknown) => {
      settle();
      debugLogger.error('Event processing failed', error);
    });
  };
  /** Runs every waiting job, in capture order; what their asynchronous hooks started settles later. */
  const drain = (): Promise<unknown> => {
    const started: PromiseLike<unknown>[] = [];
    while (waiting.length > 0) {
      try {
        const result = waiting.shift()!();
        if (isThenable(result)) started.push(result);
      } catch (error) {
        debugLogger.error('Event processing failed', error); // the events after it still go through
      }
    }
    return Promise.all(started);
  };

  return {
    /**
     * Runs `job` in a microtask, after what was captured before it. A burst keeps at most MAX_WAITING events
     * waiting: beyond that the oldest is processed at once, on the caller's time, so memory stays bounded.
     */
    later(job: () => unknown): void {
      if (waiting.length >= MAX_WAITING) track(waiting.shift()!());
      waiting.push(job);
      if (waiting.length > 1) return; // a drain is already scheduled
      track(Promise.resolve().then(drain));
    },
    /** Runs what waits now, on the caller's time (at exit, where the microtask that would run it never comes). */
    drainNow: (): void => track(drain()),
    /** Settles once every job queued so far ran and every asynchronous hook they started settled. */
    settled: (): Promise<unknown> => Promise.all(pending),
  };
}
