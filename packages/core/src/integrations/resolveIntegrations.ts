import type { CoreOptions, Integration } from '../client/types';

/**
 * The integrations a client runs: the defaults, with a user's instance replacing a default of the same
 * name (in the default's place), or whatever a user's function returns from the defaults.
 */
export function resolveIntegrations(defaults: Integration[], user: CoreOptions['integrations']): Integration[] {
  const chosen = typeof user === 'function' ? user(defaults) : [...defaults, ...(user ?? [])];
  const byName = new Map<string, Integration>();
  for (const integration of chosen) {
    // Later wins, but keeps the slot of the first of its name, so order stays predictable.
    byName.set(integration.name, integration);
  }
  return [...byName.values()];
}
