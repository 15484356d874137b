import { getCarrier } from '../carrier';
import { debugLogger } from '../debugLogger';
import { getSessionTracker } from './getSessionTracker';
import type { SessionTracker } from './types';

/** Runs `work` on the current client's single session (manual use: whatever `autoSessionTracking` says). */
function withTracker(name: string, work: (tracker: SessionTracker) => void): void {
  try {
    const tracker = getSessionTracker(getCarrier().client, true);
    if (tracker) work(tracker);
  } catch (error) {
    debugLogger.error(`${name} failed`, error);
  }
}

/**
 * Sentry's `startSession`: ends the current client's session (`exited`, if it was running) and starts a
 * new one of the same kind as the platform's (a page's or a process's), whose errors count from now on.
 * Works with `autoSessionTracking: false` too (not without a `release`). Returns nothing where Sentry
 * returns its session object: a session here changes only through captures and these calls. Sentry's
 * `context` (user, release…) is not read: a session has its client's release and environment and, from
 * its first send, the scope's user id. Never throws.
 */
export function startSession(_context: object = {}): undefined {
  withTracker('startSession', (tracker) => tracker.start());
  return undefined;
}

/** Sentry's `endSession`: ends the current session as `exited` and sends it; nothing if none runs. Never throws. */
export function endSession(): void {
  withTracker('endSession', (tracker) => tracker.end('exited'));
}

/** Sentry's `captureSession`: sends the current session's update now (`end`: ends it first). Never throws. */
export function captureSession(end = false): void {
  withTracker('captureSession', (tracker) => (end ? tracker.end('exited') : tracker.capture()));
}
