import { getCarrier, getSessionTracker, type Client, type SessionStartOptions } from '@faultline/core';

/**
 * Starts a page's session for `client` at `time` (ms since the epoch): the page load's, or a navigation's,
 * which ends the one before it. Nothing when `client` has no sessions (`autoSessionTracking: false`, no
 * `release`). The pipeline runs the starts the entry recorded (`browserSessionIntegration`), in order with
 * the captures around them; a client made whole has them run at once (`installPageSessions`). Whoever
 * made the client sends the page load's first update once the page is idle (`sendPending`); a
 * navigation's goes at once, with the end of the session before it.
 */
export function startPageSession(client: Client, time: number, errors?: SessionStartOptions['errors']): void {
  getSessionTracker(client)?.start({ userAgent: navigator.userAgent, eager: true, errors }, time);
}

/** For clients made whole (the CDN file, `new BrowserClient`): the session integration starts sessions at once. */
export function installPageSessions(): void {
  getCarrier().startPageSession ??= startPageSession;
}
