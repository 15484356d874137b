import { captureException, flush } from '@faultline/node';
import { afterEach, describe, expect, it } from 'vitest';
import { initNodeForTest } from './support';

describe('init', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads FAULTLINE_* variables; explicit options win over them', async () => {
    process.env.FAULTLINE_RELEASE = 'from-env@1.0.0';
    process.env.FAULTLINE_ENVIRONMENT = 'staging';
    process.env.FAULTLINE_SERVICE = 'checkout';
    const record = initNodeForTest({ release: 'explicit@2.0.0' });
    captureException(new Error('x'));
    await flush(100);
    expect(record.events()[0]).toMatchObject({ release: 'explicit@2.0.0', environment: 'staging', platform: 'node' });
    expect(record.events()[0]!.contexts).toMatchObject({ runtime: { name: 'node', version: process.version } });
    expect(record.events()[0]!.sdk!.name).toBe('faultline.javascript.node');
  });
});
