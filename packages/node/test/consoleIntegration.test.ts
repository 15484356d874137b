import { captureException, consoleIntegration, flush } from '@faultline/node';
import type { SerializedLog } from '@faultline/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initNodeForTest } from './support';

describe('consoleIntegration', () => {
  afterEach(() => vi.restoreAllMocks());

  it('turns console calls into breadcrumbs, and into logs only when asked', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    for (const logs of [false, true]) {
      const record = initNodeForTest({ integrations: [consoleIntegration({ logs })] });
      console.warn('disk at %d%%', 91);
      captureException(new Error('then this'));
      await flush(100);
      expect(record.events()[0]!.breadcrumbs).toMatchObject([
        { category: 'console', level: 'warning', message: 'disk at 91%' },
      ]);
      const logRecords = (record.items('log') as { items: SerializedLog[] }[]).flatMap((c) => c.items);
      expect(logRecords.map((l) => l.body)).toEqual(logs ? ['disk at 91%'] : []);
    }
  });
});
