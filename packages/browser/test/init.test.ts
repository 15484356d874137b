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
    await flush(100);
    const crumbs = record.events()[0]!.breadcrumbs!;
    expect(crumbs.filter((b) => b.category === 'console').map((b) => b.message)).toEqual(['said once']);
    expect(crumbs.filter((b) => b.category === 'navigation')).toHaveLength(1);
  });
});
