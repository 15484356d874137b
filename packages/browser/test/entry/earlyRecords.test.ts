// @vitest-environment jsdom
import { captureException, setTag, setUser } from '@faultline/browser';
import { getCarrier, type Client } from '@faultline/core';
import { createTestTransport, resetCarrier } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createEntryClient } from '../../src/entry/createEntryClient';
import { resolveEntryOptions } from '../../src/entry/resolveEntryOptions';
import { EARLY_KEY } from '../../src/entry/storedRecord';
import type { PipelineModule } from '../../src/entry/types';

const platform = { platform: 'javascript', sdk: { name: 'test', version: '0' }, defaultIntegrations: [] };

/** A page's entry client (test transport); its pipeline arrives only if `arrives`. */
function page(arrives: boolean) {
  resetCarrier();
  const { transport, record } = createTestTransport();
  const options = resolveEntryOptions({ dsn: 'https://key@o1.ingest.example.com/1', transport }, platform);
  const load = (): Promise<PipelineModule> =>
    arrives ? import('../../src/pipeline/startPipeline') : new Promise(() => undefined);
  const client: Client = createEntryClient(options, platform, load, () => () => undefined);
  getCarrier().client = client;
  return { client, record };
}

describe('captures waiting for the pipeline when the page goes away (test transport)', () => {
  afterEach(() => localStorage.clear());

  it('are kept at page hide and sent once, with their time and scopes, by the next page’s pipeline', async () => {
    const first = page(false);
    setUser({ id: 'u1' });
    setTag('stage', 'first page');
    const thrown = new TypeError('before the pipeline');
    captureException(thrown);
    const capturedAt = Date.now();
    dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(localStorage.getItem(EARLY_KEY)!).records).toHaveLength(1);
    await first.client.close(0);

    const next = page(true);
    setTag('stage', 'second page');
    await next.client.flush(2000);
    const [event, ...more] = next.record.events();
    expect(more).toEqual([]);
    expect(event!.exception!.values!.at(-1)).toMatchObject({ type: 'TypeError', value: 'before the pipeline' });
    expect(event!.exception!.values!.at(-1)!.stacktrace!.frames!.length).toBeGreaterThan(0);
    expect(event).toMatchObject({ user: { id: 'u1' }, tags: { stage: 'first page' } });
    expect(event!.timestamp! * 1000).toBeLessThanOrEqual(capturedAt);
    expect(localStorage.getItem(EARLY_KEY)).toBeNull();

    const third = page(true);
    await third.client.flush(2000);
    expect(third.record.events()).toEqual([]);
  });

  it('stay in memory when the pipeline has arrived: a page hide then keeps nothing', async () => {
    const { client, record } = page(true);
    captureException(new Error('sent by this page'));
    await client.flush(2000);
    dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(EARLY_KEY)).toBeNull();
    expect(record.events()).toHaveLength(1);
  });
});
