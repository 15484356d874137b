import type { Integration } from '../client/types';
import { addFeatureFlag } from './addFeatureFlag';

/**
 * Sentry's OpenFeature integration; the evaluations come from `OpenFeatureIntegrationHook`
 * (`OpenFeature.addHooks(new OpenFeatureIntegrationHook())`).
 */
/* @__NO_SIDE_EFFECTS__ */
export function openFeatureIntegration(): Integration {
  return { name: 'OpenFeature' };
}

/** An OpenFeature hook that records every boolean evaluation (and the default used on an error). */
export class OpenFeatureIntegrationHook {
  after(_hookContext: unknown, details: { flagKey: string; value: unknown }): void {
    addFeatureFlag(details?.flagKey, details?.value);
  }
  error(hookContext: { flagKey: string; defaultValue: unknown }): void {
    addFeatureFlag(hookContext?.flagKey, hookContext?.defaultValue);
  }
}

/** Sentry's LaunchDarkly integration; the evaluations come from `buildLaunchDarklyFlagUsedHandler()`. */
/* @__NO_SIDE_EFFECTS__ */
export function launchDarklyIntegration(): Integration {
  return { name: 'LaunchDarkly' };
}

/** A LaunchDarkly `inspectors` entry that records every boolean flag the client evaluates. */
export function buildLaunchDarklyFlagUsedHandler(): {
  name: string;
  type: 'flag-used';
  synchronous: boolean;
  method: (flagKey: string, flagDetail: { value: unknown }) => void;
} {
  return {
    name: 'sentry-flag-auditor',
    type: 'flag-used',
    synchronous: true,
    method: (flagKey, flagDetail) => addFeatureFlag(flagKey, flagDetail?.value),
  };
}
