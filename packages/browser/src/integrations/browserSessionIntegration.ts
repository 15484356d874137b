import { getCarrier, getClient, integrationOption, type Client, type Integration } from '@faultline/core';
import { onNavigation } from '../onNavigation';
import type { SessionMarks } from '../entry/types';

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

/**
 * Whether `client` has sessions: a `release` (Sentry drops sessions without) and `autoSessionTracking` not
 * false. (A disabled or closed client records nothing, and starts none.)
 */
function tracks(client: Client | undefined): client is Client {
  const options = client?.getOptions();
  return Boolean(options?.release && options.autoSessionTracking !== false);
}

/**
 * A session starts now: the entry's client records the time, in order with the captures around it, for
 * the pipeline to start it when it arrives; a client made whole (the CDN file) starts it at once.
 */
function start(client: Client): void {
  const marks = (client as Partial<SessionMarks>).markSession;
  if (marks) marks();
  else getCarrier().startPageSession?.(client, Date.now());
}

/**
 * Release health in the browser, on by default (off with `autoSessionTracking: false` or without a
 * `release`): a session per page load (and per navigation), sent once the page is idle, with the first
 * error or at page hide. A handled error marks it errored, an unhandled one crashed, in the crash event's
 * envelope. Only the times of the page load and of each navigation are recorded here, on the page's
 * critical path; the sessions themselves (`pipeline/startPageSession`, core's model and envelopes) are
 * the pipeline's.
 */
/* @__NO_SIDE_EFFECTS__ */
export function browserSessionIntegration(options: BrowserSessionOptions = {}): Integration {
  const integration: BrowserSession = {
    name: 'BrowserSession',
    lifecycle: integrationOption('browserSessionIntegration', 'lifecycle', options.lifecycle, LIFECYCLES) ?? 'route',
    setup(client) {
      if (!tracks(client)) return;
      start(client);
      // Once per page; it starts sessions of whichever client is current when the URL changes.
      onNavigation('session-history', () => {
        const current = getClient();
        if (
          tracks(current) &&
          (current.getIntegration('BrowserSession') as BrowserSession | undefined)?.lifecycle === 'route'
        ) {
          start(current);
        }
      });
    },
  };
  return integration;
}
