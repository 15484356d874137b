import { debugLogger } from '../debugLogger';
import { CORE_OPTION_CHECKS } from '../options/coreOptionChecks';
import type { OptionCheck } from '../options/types';
import { checkOptionLayers } from '../options/validateOptions';
import { createClient } from './createClient';
import { resolveOptions } from './resolveOptions';
import type { Client, CoreOptions, PlatformSettings } from './types';

/**
 * A client made from unchecked options and not bound (Sentry's `new NodeClient(options)` /
 * `new BrowserClient(options)`; `setCurrentClient` binds it). Options are checked as `init` checks them.
 */
export function createUnboundClient(
  options: CoreOptions,
  platform: PlatformSettings,
  checks: Record<string, OptionCheck> = CORE_OPTION_CHECKS,
): Client {
  const checked = checkOptionLayers([{ options, source: 'client option' }], checks);
  if (checked.problems.length > 0)
    debugLogger.configProblem(`Invalid options:\n  - ${checked.problems.join('\n  - ')}`);
  const resolved = resolveOptions(checked.fatal ? { enabled: false } : (checked.options as CoreOptions), platform);
  return createClient(resolved, platform, checked.fatal ? undefined : checked.dsn);
}
