import { captureException, flush, setExtra } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

describe('prepareEvent', () => {
  beforeEach(() => resetCarrier());

  it('keeps realistic config objects whole by default, scrubbing the secret next to a harmless value', async () => {
    const { record } = initForTest();
    setExtra('config', {
      nested: { deep: { keep: 'harmless', password: 'hunter2' } },
      db: { primary: { pool: { idle: { timeoutMs: 30_000 } } } },
    });
    captureException(new Error('boot failed'));
    await flush(100);
    expect(record.events()[0]!.extra!.config).toEqual({
      nested: { deep: { keep: 'harmless', password: '[Filtered]' } },
      // extra → config → db → primary → pool → idle: six levels of objects, all kept.
      db: { primary: { pool: { idle: { timeoutMs: 30_000 } } } },
    });
  });

  it('still cuts deeper data at the depth, and follows a lower normalizeDepth', async () => {
    const { record } = initForTest({ normalizeDepth: 3 });
    setExtra('config', { nested: { deep: { keep: 'harmless' } } });
    captureException(new Error('boot failed'));
    await flush(100);
    expect(record.events()[0]!.extra!.config).toEqual({ nested: { deep: '[Object]' } });
  });
});
