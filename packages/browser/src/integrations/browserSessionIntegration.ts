import { getClient, getSessionTracker, integrationOption, type Client, type Integration } from '@faultline/core';
import { onNavigation } from '../onNavigation';

export interface BrowserSessionOptions {
  /**
   * `'route'` (the default): a new session at page load and at each history navigation (`pushState`,
   * `replaceState`, `popstate`), as a single-page app's "pages" are. `'page'`: one per page load (the
   * default of Sentry's `browserSessionIntegration`).
   */
  lifecycle?: 'route' | 'page';
}

type BrowserSession = Integration & { lifecycle: 'route' | 'page' };

const LIFECYCLES = ['route', 'page'] as const;

/** A page session: its user agent in `attrs`, no duration, its first update sent once the page is idle. */
const start = (client: Client | undefined): void =>
  getSessionTracker(client)?.start({ userAgent: navigator.userAgent, eager: true });

/**
 * Release health in the browser, on by default (off with `autoSessionTracking: false` or without a
 * `release`): a session per page load (and per navigation), sent once the page is idle, with the first
 * error or at page hide. A handled error marks it errored, an unhandled one crashed, in the crash event's
 * envelope. Only the start and the navigation watch live here; the session model and its envelopes are
 * core's, with the rest of the pipeline.
 */
/* @__NO_SIDE_EFFECTS__ */
export function browserSessionIntegration(options: BrowserSessionOptions = {}): Integration {
  const integration: BrowserSession = {
    name: 'BrowserSession',
    lifecycle: integrationOption('browserSessionIntegration', 'lifecycle', options.lifecycle, LIFECYCLES) ?? 'route',
    setup(client) {
      const sessions = getSessionTracker(client);
      if (!sessions) return;
      start(client);
      const idle = (globalThis as { requestIdleCallback?: (run: () => void, o: { timeout: number }) => void })
        .requestIdleCallback;
      const send = (): void => sessions.sendPending();
      if (idle) idle(send, { timeout: 5000 });
      else setTimeout(send, 1000);
      // Once per page; it starts sessions of whichever client is current when the URL changes.
      onNavigation('session-history', () => {
        const current = getClient();
        if ((current?.getIntegration('BrowserSession') as BrowserSession | undefined)?.lifecycle === 'route') {
          start(current);
        }
      });
    },
  };
  return integration;
}
