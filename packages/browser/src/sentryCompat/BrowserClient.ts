import { createUnboundClient, type Client } from '@faultline/core';
import { BROWSER_OPTION_CHECKS, type BrowserOptions } from '../browserOptions';
import { installPageSessions } from '../pipeline/startPageSession';

// Replaced at build time with this package's version.
declare const __FAULTLINE_VERSION__: string;

/** A Faultline client made with `new BrowserClient(options)` (Sentry's manual set-up). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging -- the instances are Faultline clients
export interface BrowserClient extends Client {}

/**
 * Sentry's `BrowserClient`, for the manual set-up of its docs (several clients on one page, say):
 * `const client = new BrowserClient({ dsn, transport: makeFetchTransport, stackParser: defaultStackParser,
 * integrations: [...] })`, then `setCurrentClient(client)` and `client.init()`. It runs exactly the
 * integrations given (no defaults).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class BrowserClient {
  constructor(options: BrowserOptions) {
    // A client made whole: a `browserSessionIntegration` given to it starts its sessions at once.
    installPageSessions();
    return createUnboundClient(
      options,
      {
        platform: 'javascript',
        sdk: { name: 'faultline.javascript.browser', version: __FAULTLINE_VERSION__ },
        defaultIntegrations: [],
      },
      BROWSER_OPTION_CHECKS,
    ) as BrowserClient;
  }
}
