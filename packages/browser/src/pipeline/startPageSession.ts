import { getCarrier, getSessionTracker, type Client } from '@faultline/core';

/**
 * Starts a page's session for `client` at `time` (ms since the epoch): the page load's, or a navigation's,
 * which ends the one before it. Its first update goes once the page is idle, at the latest on flush or
 * page hide, or with its first error. Nothing when `client` has no sessions (`autoSessionTracking: false`,
 * no `release`). The pipeline runs the starts the entry recorded (`browserSessionIntegration`), in order
 * with the captures around them; a client made whole has them run at once (`installPageSessions`).
 */
export function startPageSession(client: Client, time: number): void {
  const sessions = getSessionTracker(client);
  if (!sessions) return;
  sessions.start({ userAgent: navigator.userAgent, eager: true }, time);
  const idle = (globalThis as { requestIdleCallback?: (run: () => void, o: { timeout: number }) => void })
    .requestIdleCallback;
  const send = (): void => sessions.sendPending();
  if (idle) idle(send, { timeout: 5000 });
  else setTimeout(send, 1000);
}

/** For clients made whole (the CDN file, `new BrowserClient`): the session integration starts sessions at once. */
export function installPageSessions(): void {
  getCarrier().startPageSession ??= startPageSession;
}
