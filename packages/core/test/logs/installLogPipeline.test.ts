import { flush, getCarrier, installLogPipeline, logger } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, expect, it } from 'vitest';

const logCount = (record: ReturnType<typeof initForTest>['record']) => record.items('log').length;

beforeEach(() => {
  resetCarrier();
  // As in a bundle that never imported anything that logs.
  delete getCarrier().makeLogPipeline;
});

it('a client sends logs only once something that logs installed the pipeline', async () => {
  const { client, record } = initForTest();
  client.captureLog('info', 'before install');
  expect(await flush(100)).toBe(true);
  expect(logCount(record)).toBe(0);

  installLogPipeline();
  client.captureLog('info', 'after install');
  await flush(100);
  expect(logCount(record)).toBe(1);
});

it('logger installs it on its first call, so logging needs nothing else', async () => {
  const { record } = initForTest();
  logger.warn('disk almost full', { free_mb: 120 });
  await flush(100);
  expect(logCount(record)).toBe(1);
});
