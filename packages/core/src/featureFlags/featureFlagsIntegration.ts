import type { Integration } from '../client/types';
import { addFeatureFlag } from './addFeatureFlag';

/** The FeatureFlags integration: `addFeatureFlag(name, value)` records an evaluation for later events. */
export interface FeatureFlagsIntegration extends Integration {
  addFeatureFlag(name: string, value: unknown): void;
}

/**
 * Sentry's generic feature-flag integration: `getClient()?.getIntegrationByName('FeatureFlags')
 * ?.addFeatureFlag('new-checkout', true)`; events then carry the evaluations in `contexts.flags`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function featureFlagsIntegration(): FeatureFlagsIntegration {
  return { name: 'FeatureFlags', addFeatureFlag };
}
