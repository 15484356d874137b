import { getCarrier } from './carrier';
import { createClient } from './client/createClient';
import { resolveOptions } from './client/resolveOptions';
import type { Client, CoreOptions, PlatformSettings } from './client/types';
import { SDK_VERSION } from './constants';
import { dedupeIntegration } from './integrations/dedupeIntegration';
import { eventFiltersIntegration } from './integrations/eventFiltersIntegration';
import { debugLogger } from './debugLogger';
import { CORE_OPTION_CHECKS, validateOptions, type OptionCheck } from './options/validateOptions';

/**
 * Validates options once, creates a client and makes it the current one. Any problem is reported in one
 * message listing all of them, and the SDK becomes a working no-op. Platforms call this from their `init`.
 */
export function initAndBind<O extends CoreOptions>(
  options: O | undefined,
  platform: PlatformSettings,
  checks: Record<string, OptionCheck> = CORE_OPTION_CHECKS,
): Client {
  const carrier = getCarrier();
  const given = options ?? ({} as O);
  const { problems, dsn } = validateOptions(given, checks);
  carrier.debug = (given as CoreOptions).debug === true;
  let client: Client;
  if (problems.length > 0) {
    debugLogger.configProblem(`Invalid options; Faultline is disabled (a no-op):\n  - ${problems.join('\n  - ')}`);
    client = createClient(resolveOptions({ enabled: false }, { ...platform, defaultIntegrations: [] }), platform);
  } else {
    client = createClient(resolveOptions(given, platform), platform, dsn);
    if (!dsn && !given.transport) debugLogger.log('No dsn and no transport: events are processed but not sent');
  }
  carrier.client = client;
  return client;
}

/** The integrations every platform starts with. */
export function getCoreDefaultIntegrations() {
  return [dedupeIntegration(), eventFiltersIntegration()];
}

/**
 * Starts Faultline with only the platform-neutral core (no global handlers). Browser and Node apps call
 * the `init` of `@faultline/browser` or `@faultline/node` instead.
 *
 * @example
 * import { init, captureException } from '@faultline/core';
 * init({ dsn: 'https://publicKey@o0.ingest.example.com/1', release: 'shop@1.4.2' });
 * try { risky(); } catch (error) { captureException(error); }
 */
export function init(options?: CoreOptions): Client {
  return initAndBind(options, {
    platform: 'javascript',
    sdk: { name: 'faultline.javascript.core', version: SDK_VERSION },
    defaultIntegrations: getCoreDefaultIntegrations(),
  });
}
