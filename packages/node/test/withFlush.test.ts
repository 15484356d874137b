import { detectCloud, withFlush } from '@faultline/node';
import { describe, expect, it } from 'vitest';
import { initNodeForTest } from './support';

describe('withFlush', () => {
  it('captures what the handler throws, rethrows it, and delivers before returning', async () => {
    const record = initNodeForTest();
    const handler = withFlush(async (input: { fail: boolean }) => {
      if (input.fail) throw new Error('lambda failed');
      return 'ok';
    });
    expect(await handler({ fail: false })).toBe('ok');
    await expect(handler({ fail: true })).rejects.toThrow('lambda failed');
    expect(record.events()).toMatchObject([
      { exception: { values: [{ value: 'lambda failed', mechanism: { type: 'serverless', handled: false } }] } },
    ]);
  });
});

describe('detectCloud', () => {
  it.each([
    [
      { KUBERNETES_SERVICE_HOST: '10.0.0.1', HOSTNAME: 'api-7d9f', POD_NAMESPACE: 'shop' },
      { provider: 'kubernetes', pod: 'api-7d9f', namespace: 'shop' },
    ],
    [
      { AWS_LAMBDA_FUNCTION_NAME: 'checkout', AWS_REGION: 'eu-west-1' },
      { provider: 'aws', region: 'eu-west-1', function: 'checkout' },
    ],
    [
      { K_SERVICE: 'api', GOOGLE_CLOUD_PROJECT: 'shop-prod' },
      { provider: 'gcp', project: 'shop-prod', service: 'api' },
    ],
    [
      { WEBSITE_SITE_NAME: 'shop-api', REGION_NAME: 'West Europe' },
      { provider: 'azure', site: 'shop-api', region: 'West Europe' },
    ],
  ])('recognises %j', (env, expected) => expect(detectCloud(env)).toEqual(expected));
});
