// @vitest-environment jsdom
import { captureException, flush, init } from '@faultline/browser';
import { createTestTransport, resetCarrier } from '@faultline/test-utils';
import { describe, expect, it, vi } from 'vitest';

describe('init (browser)', () => {
  it('patches console, fetch, XHR and history once however often it runs (HMR, micro-frontends)', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    resetCarrier();
    init({ transport: createTestTransport().transport });
    resetCarrier();
    const { transport, record } = createTestTransport();
    init({ transport });
    console.info('said once');
    history.pushState({}, '', '/next');
    captureException(new Error('after a second init'));
    await flush(5000); // returns once sent: the bound only matters when the pipeline module is slow to load (a loaded machine)
    const crumbs = record.events()[0]!.breadcrumbs!;
    expect(crumbs.filter((b) => b.category === 'console').map((b) => b.message)).toEqual(['said once']);
    expect(crumbs.filter((b) => b.category === 'navigation')).toHaveLength(1);
  });

  it('says once, without debug, that nothing will be sent when init gets no DSN (once the pipeline checked the options)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      resetCarrier();
      init();
      await flush(1000);
      expect(warn.mock.calls.map((call) => call.join(' '))).toEqual([
        '[faultline] No DSN found, so nothing will be sent (looked at: the `dsn` init option).',
      ]);
      warn.mockClear();
      resetCarrier();
      // jsdom has no IndexedDB: without the offline queue, its own notice does not come into this.
      init({ dsn: 'https://key@o1.ingest.example.com/1', delivery: { offlineQueue: false } });
      await flush(1000);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('init({ transport: makeFetchTransport }) (Sentry’s docs) is the default transport, with its delivery options: no offline queue asked for, no IndexedDB notice', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.resetModules(); // the pipeline module not loaded yet
    resetCarrier();
    const { flush, init, makeFetchTransport } = await import('@faultline/browser');
    init({
      dsn: 'https://key@o1.ingest.example.com/1',
      transport: makeFetchTransport,
      delivery: { offlineQueue: false },
    });
    try {
      await flush(1000);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
