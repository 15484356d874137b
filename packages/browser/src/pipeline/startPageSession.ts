import { getCarrier, getSessionTracker, type Client } from '@faultline/core';
import { idleCallback } from '../entry/createPipelineLoader';

/**
 * Starts a page's session for `client` at `time` (ms since the epoch): the page load's, or a navigation's,
 * which ends the one before it. Its first update goes once the page is idle (2 s at the latest), at the latest on flush or
 * page hide, or with its first error. Nothing when `client` has no sessions (`autoSessionTracking: false`,
 * no `release`). The pipeline runs the starts the entry recorded (`browserSessionIntegration`), in order
 * with the captures around them; a client made whole has them run at once (`installPageSessions`).
 */
export function startPageSession(client: Client, time: number): void {
  const sessions = getSessionTracker(client);
  if (!sessions) return;
  sessions.start({ userAgent: navigator.userAgent, eager: true }, time);
  idleCallback(() => sessions.sendPending());
}

/** For clients made whole (the CDN file, `new BrowserClient`): the session integration starts sessions at once. */
export function installPageSessions(): void {
  getCarrier().startPageSession ??= startPageSession;
}
