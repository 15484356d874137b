import { applyCaptureContext } from './api/resolveCaptureHint';
import { getCarrier } from './carrier';
import { createClient } from './client/createClient';
import { resolveOptions } from './client/resolveOptions';
import type { Client, CoreOptions, PlatformSettings } from './client/types';
import { SDK_VERSION } from './constants';
import { getCoreDefaultIntegrations } from './integrations/getCoreDefaultIntegrations';
import { debugLogger } from './debugLogger';
import { CORE_OPTION_CHECKS, FATAL_OPTIONS } from './options/coreOptionChecks';
import { optionHelp } from './options/optionHelp';
import type { OptionCheck } from './options/types';
import { checkOptionLayers } from './options/validateOptions';

// Replaced by bundlers: production builds print each problem without the explanations around it.
declare const process: { env: { NODE_ENV?: string } };

/** What a platform found in options it read before `initAndBind` (environment, config file). */
export interface OptionsReport {
  problems: string[];
  unsupported: string[];
  fatal: boolean;
}

/**
 * Validates options once and creates a client bound as the current one. An invalid option is ignored
 * (its default applies); only an unusable dsn or tunnel makes the SDK a working no-op. Every problem,
 * including those of `earlier` (what the platform read from the environment or a file), is printed in
 * one warning, with or without `debug`. Platforms call this from their `init`.
 */
export function initAndBind<O extends CoreOptions>(
  options: O | undefined,
  platform: PlatformSettings,
  checks: Record<string, OptionCheck> = CORE_OPTION_CHECKS,
  earlier?: OptionsReport,
): Client {
  const carrier = getCarrier();
  const checked = checkOptionLayers([{ options: options ?? {}, source: 'init option' }], checks);
  const given = checked.options as O;
  const problems = [...(earlier?.problems ?? []), ...checked.problems];
  const fatal = Boolean(earlier?.fatal) || checked.fatal;
  carrier.debug = given.debug === true;
  if (problems.length > 0) {
    // Each line says what happens to its option; the heading's explanation is for development builds.
    const outcome =
      process.env.NODE_ENV === 'production'
        ? ''
        : fatal
          ? ` (Faultline sends nothing until the ${FATAL_OPTIONS.join(' or ')} is fixed)`
          : ' (each one is ignored and Faultline runs with the rest)';
    debugLogger.configProblem(`Invalid options${outcome}:\n  - ${problems.join('\n  - ')}`);
  }
  const unsupported = [...new Set([...(earlier?.unsupported ?? []), ...checked.unsupported])];
  if (unsupported.length > 0) {
    debugLogger.log(
      `${optionHelp() ? 'Sentry options Faultline does not implement' : 'Unknown options'}, ignored: ${unsupported.join(', ')}`,
    );
  }
  let client: Client;
  if (fatal) {
    client = createClient(resolveOptions({ enabled: false }, { ...platform, defaultIntegrations: [] }), platform);
  } else {
    client = createClient(resolveOptions(given, platform), platform, checked.dsn);
    if (!checked.dsn && !given.transport && given.enabled !== false) {
      // Silence is never the answer: without this line an app would run for months reporting nothing.
      const looked = platform.dsnSources ?? ['the `dsn` init option'];
      debugLogger.configProblem(`No DSN found, so nothing will be sent (looked at: ${looked.join(', ')}).`);
    }
  }
  carrier.client = client;
  if (given.initialScope && !fatal) {
    try {
      applyCaptureContext(carrier.strategy.getScopes().scope, given.initialScope);
    } catch (error) {
      debugLogger.error('initialScope failed', error);
    }
  }
  return client;
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
