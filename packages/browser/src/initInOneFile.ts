import { getSessionTracker, initAndBind, startNewTrace, type Client } from '@faultline/core';
import { BROWSER_OPTION_CHECKS, type BrowserOptions } from './browserOptions';
import { getDefaultIntegrations } from './getDefaultIntegrations';
import { idleCallback } from './entry/createPipelineLoader';
import { installPageSessions } from './pipeline/startPageSession';
import { makeFetchTransport } from './transports/makeFetchTransport';

// Replaced at build time with this package's version.
declare const __FAULTLINE_VERSION__: string;

/**
 * `init` as the CDN file has it: the file holds the whole SDK, so there is no second part to wait for and
 * the client is made at once, without the entry's client, its capture buffer or its loader (the split's
 * machinery, which a single file would carry for nothing). Same options and behaviour as `init`.
 */
export function init(options: BrowserOptions = {}): Client {
  // Page sessions start at once here: the session integration finds how in the carrier.
  installPageSessions();
  const hasDestination = Boolean(options.dsn || options.tunnel || options.delivery?.destinations?.length);
  const client = initAndBind(
    {
      ...options,
      // `transport: makeFetchTransport` (Sentry's docs) is the default transport: it keeps its IndexedDB queue.
      transport:
        (options.transport === makeFetchTransport ? undefined : options.transport) ??
        (hasDestination ? makeFetchTransport(options.delivery) : undefined),
      // Same origin by default: absolute URLs on this origin, and relative paths.
      tracePropagationTargets: options.tracePropagationTargets ?? [location.origin, /^\/(?!\/)/],
    },
    {
      platform: 'javascript',
      sdk: { name: 'faultline.javascript.browser', version: __FAULTLINE_VERSION__ },
      defaultIntegrations: getDefaultIntegrations(),
    },
    BROWSER_OPTION_CHECKS,
  );
  // One trace per page load, shared by its events, logs and outgoing requests.
  if (client.isEnabled()) startNewTrace();
  // The page load's session says it started once the page is idle (without a release there is none, and
  // `debug` says why).
  const sessions = client.getIntegration('BrowserSession') && getSessionTracker(client);
  if (sessions) idleCallback(() => sessions.sendPending());
  return client;
}
