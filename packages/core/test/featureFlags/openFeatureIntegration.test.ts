import {
  buildLaunchDarklyFlagUsedHandler,
  captureException,
  featureFlagsIntegration,
  flush,
  getClient,
  OpenFeatureIntegrationHook,
  type FeatureFlagsIntegration,
} from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

describe('feature flags', () => {
  beforeEach(() => resetCarrier());

  it('records boolean evaluations (latest value per flag) in contexts.flags of later events', async () => {
    const { record } = initForTest({ integrations: (d) => [...d, featureFlagsIntegration()] });
    getClient()!.getIntegrationByName<FeatureFlagsIntegration>('FeatureFlags')!.addFeatureFlag('new-checkout', false);
    new OpenFeatureIntegrationHook().after({}, { flagKey: 'dark-mode', value: true });
    buildLaunchDarklyFlagUsedHandler().method('new-checkout', { value: true });
    new OpenFeatureIntegrationHook().after({}, { flagKey: 'copy', value: 'variant-b' }); // not boolean
    captureException(new Error('with flags'));
    await flush(1000);
    expect(record.events()[0]!.contexts!.flags).toEqual({
      values: [
        { flag: 'dark-mode', result: true },
        { flag: 'new-checkout', result: true },
      ],
    });
  });
});
