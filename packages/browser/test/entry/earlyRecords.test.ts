// @vitest-environment jsdom
import { addBreadcrumb, captureException, captureMessage, setExtra, setTag, setUser } from '@faultline/browser';
import { getCarrier, type Client } from '@faultline/core';
import { createTestTransport, resetCarrier } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserOptions } from '../../src/browserOptions';
import { createEntryClient } from '../../src/entry/createEntryClient';
import { resolveEntryOptions } from '../../src/entry/resolveEntryOptions';
import { EARLY_KEY } from '../../src/entry/storedRecord';
import type { PipelineModule } from '../../src/entry/types';

const platform = { platform: 'javascript', sdk: { name: 'test', version: '0' }, defaultIntegrations: [] };

/** A page's entry client (test transport); its pipeline arrives only if `arrives`. */
function page(arrives: boolean, more: Partial<BrowserOptions> = {}) {
  resetCarrier();
  const { transport, record } = createTestTransport();
  const options = resolveEntryOptions({ dsn: 'https://key@o1.ingest.example.com/1', transport, ...more }, platform);
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

  it('are kept by close() when the pipeline could not arrive in time, and sent once by the next page', async () => {
    const first = page(false);
    captureException(new Error('closed before the pipeline'));
    expect(await first.client.close(50)).toBe(false);
    expect(JSON.parse(localStorage.getItem(EARLY_KEY)!).records).toHaveLength(1);

    const next = page(true);
    await next.client.flush(2000);
    expect(next.record.events().map((e) => e.exception!.values!.at(-1)!.value)).toEqual(['closed before the pipeline']);
    expect(localStorage.getItem(EARLY_KEY)).toBeNull();
  });

  it('stay in memory when the pipeline has arrived: a page hide then keeps nothing', async () => {
    const { client, record } = page(true);
    captureException(new Error('sent by this page'));
    await client.flush(2000);
    dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(EARLY_KEY)).toBeNull();
    expect(record.events()).toHaveLength(1);
  });

  const EMAIL = 'ada.lovelace@example.com';
  const CARD = '4111 1111 1111 1111';
  const TOKEN = 'abcdefgh12345678';
  const SECRETS = [EMAIL, CARD, TOKEN, '1111 1111', 'sk_live_0123456789abcdef'];

  it('are scrubbed before they are written: localStorage holds none of the secrets, the sent event their scrubbed forms', async () => {
    const first = page(false, { scrub: { fields: ['favourite'] } });
    setUser({ id: 'u-42', email: EMAIL, username: 'ada' });
    setTag('contact', EMAIL);
    setExtra('favourite', 'sk_live_0123456789abcdef');
    addBreadcrumb({ category: 'fetch', message: `Authorization: Bearer ${TOKEN}`, data: { card: CARD } });
    captureException(new Error(`card ${CARD} of ${EMAIL} refused (Bearer ${TOKEN})`));
    captureMessage(`paid with ${CARD}`);
    dispatchEvent(new Event('pagehide'));
    const stored = localStorage.getItem(EARLY_KEY)!;
    expect(JSON.parse(stored).records).toHaveLength(2);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    expect(stored).toContain('Bearer [Filtered]');
    await first.client.close(0);

    const next = page(true, { scrub: { fields: ['favourite'] } });
    await next.client.flush(2000);
    const [error, message] = next.record.events();
    expect(error!.exception!.values!.at(-1)!.value).toBe('card [Filtered] of [Filtered] refused (Bearer [Filtered])');
    expect(error!.exception!.values!.at(-1)!.stacktrace!.frames!.length).toBeGreaterThan(0);
    expect(error).toMatchObject({
      user: { id: 'u-42', username: 'ada' },
      tags: { contact: '[Filtered]' },
      extra: { favourite: '[Filtered]' },
    });
    expect(error!.user).not.toHaveProperty('email');
    expect(error!.breadcrumbs!.at(-1)).toMatchObject({
      message: 'Authorization: Bearer [Filtered]',
      data: { card: '[Filtered]' },
    });
    expect(message!.message ?? message!.logentry?.message).toBe('paid with [Filtered]');
    for (const secret of SECRETS) expect(JSON.stringify(next.record.events())).not.toContain(secret);
  });

  it('are kept as they are with `scrub: false`, as the pipeline would send them', async () => {
    const first = page(false, { scrub: false });
    captureException(new Error(`from ${EMAIL}`));
    dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(EARLY_KEY)).toContain(EMAIL);
    await first.client.close(0);
  });

  it('keep the SDK’s own fields in allow-list mode: the trace and the mechanism as the pipeline would send them', async () => {
    const scrub = { allowList: ['username'] };
    const first = page(false, { scrub });
    setUser({ id: 'u-42', username: 'ada' });
    setTag('contact', EMAIL);
    captureException(new Error(`from ${EMAIL}`), { mechanism: { type: 'test', handled: false } });
    dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(EARLY_KEY)).not.toContain(EMAIL);
    await first.client.close(0);

    const next = page(true, { scrub });
    await next.client.flush(2000);
    const [event] = next.record.events();
    expect(event!.exception!.values!.at(-1)).toMatchObject({
      value: 'from [Filtered]',
      mechanism: { type: 'test', handled: false },
    });
    expect(event!.contexts!.trace!.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(event).toMatchObject({ user: { username: 'ada' }, tags: { contact: '[Filtered]' } });
  });
});
