// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { captureException } from '@faultline/browser';
import { getCarrier, type Client } from '@faultline/core';
import { createTestTransport, resetCarrier } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEntryClient } from '../../src/entry/createEntryClient';
import { resolveEntryOptions } from '../../src/entry/resolveEntryOptions';
import { EARLY_KEY } from '../../src/entry/storedRecord';
import type { PipelineModule } from '../../src/entry/types';

const platform = { platform: 'javascript', sdk: { name: 'test', version: '0' }, defaultIntegrations: [] };

/** A tab's entry client (test transport); its pipeline arrives only if `arrives`. */
function tab(arrives: boolean) {
  resetCarrier();
  const { transport, record } = createTestTransport();
  const options = resolveEntryOptions({ dsn: 'https://key@o1.ingest.example.com/1', transport }, platform);
  const load = (): Promise<PipelineModule> =>
    arrives ? import('../../src/pipeline/startPipeline') : new Promise(() => undefined);
  const client: Client = createEntryClient(options, platform, load, () => () => undefined);
  getCarrier().client = client;
  const lost = () =>
    (record.items('client_report') as { discarded_events: unknown[] }[]).flatMap((r) => r.discarded_events);
  return { client, sent: () => record.events().map((e) => e.exception!.values!.at(-1)!.value), lost };
}

/** What a closed page kept, as the raw `localStorage` value another process's stale cache would still show. */
async function keptByAClosedPage(...messages: string[]): Promise<string> {
  const closed = tab(false);
  for (const message of messages) captureException(new Error(message));
  dispatchEvent(new Event('pagehide'));
  await closed.client.close(0);
  return localStorage.getItem(EARLY_KEY)!;
}

describe('captures kept at page hide, claimed by two tabs (test transport, fake-indexeddb)', () => {
  const real = globalThis.indexedDB;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => {
    globalThis.indexedDB = real;
    localStorage.clear();
  });

  it('are sent once when a second tab still reads them after the first took them (a per-process cache)', async () => {
    const raw = await keptByAClosedPage('kept one', 'kept two');
    expect(JSON.parse(raw).records.map((r: { id?: string }) => typeof r.id)).toEqual(['string', 'string']);

    const first = tab(true);
    expect(await first.client.flush(2000)).toBe(true); // flush waits for the claim and the kept records
    expect(first.sent()).toEqual(['kept one', 'kept two']);
    expect(localStorage.getItem(EARLY_KEY)).toBeNull();

    localStorage.setItem(EARLY_KEY, raw); // the other tab's stale read, or a page hide writing them back
    const second = tab(true);
    captureException(new Error('its own'));
    expect(await second.client.flush(2000)).toBe(true);
    expect(second.sent()).toEqual(['its own']);
  });

  it('have their losses reported once when a second tab still reads them after the first took them', async () => {
    // 101 captures: one more than may wait, and more than the storage budget holds; what is not kept is
    // counted as lost with them, in one line.
    const raw = await keptByAClosedPage(...Array.from({ length: 101 }, (_, i) => `burst ${i}`));
    const { records, drops } = JSON.parse(raw);
    const lost = 101 - records.length;
    expect(drops).toEqual([['queue_overflow', 'error', lost, expect.any(String)]]);

    const first = tab(true);
    expect(await first.client.flush(2000)).toBe(true);
    expect(first.sent()).toHaveLength(records.length);
    expect(first.lost()).toEqual([{ reason: 'queue_overflow', category: 'error', quantity: lost }]);

    localStorage.setItem(EARLY_KEY, raw); // the other tab's stale read
    const second = tab(true);
    expect(await second.client.flush(2000)).toBe(true);
    expect(second.sent()).toEqual([]);
    expect(second.lost()).toEqual([]);
  });

  it('keep the capture’s event id as their id: what the caller was given', async () => {
    const closed = tab(false);
    const eventId = captureException(new Error('with its id'));
    dispatchEvent(new Event('pagehide'));
    await closed.client.close(0);
    expect(JSON.parse(localStorage.getItem(EARLY_KEY)!).records[0].id).toBe(eventId);
  });

  it('are run unclaimed when kept by an older build (no id), each time they are read', async () => {
    const raw = JSON.parse(await keptByAClosedPage('kept before ids'));
    for (const record of raw.records) delete record.id;
    raw.drops = [['queue_overflow', 'error', 2]]; // an older build's losses: no id either
    for (let load = 0; load < 2; load++) {
      localStorage.setItem(EARLY_KEY, JSON.stringify(raw));
      const next = tab(true);
      expect(await next.client.flush(2000)).toBe(true);
      expect(next.sent()).toEqual(['kept before ids']);
      expect(next.lost()).toEqual([{ reason: 'queue_overflow', category: 'error', quantity: 2 }]);
    }
  });

  it('are run (a duplicate rather than a loss) when IndexedDB fails', async () => {
    const raw = await keptByAClosedPage('kept while IndexedDB fails');
    globalThis.indexedDB = {
      open: () => {
        throw new DOMException('no IndexedDB here', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    for (let load = 0; load < 2; load++) {
      localStorage.setItem(EARLY_KEY, raw);
      const next = tab(true);
      expect(await next.client.flush(2000)).toBe(true);
      expect(next.sent()).toEqual(['kept while IndexedDB fails']);
    }
  });

  it('survive hostile kept losses (not lines, ids not strings, quantities no report can carry): the page keeps working, nothing wild is reported', async () => {
    const raw = JSON.parse(await keptByAClosedPage('kept beside hostile losses'));
    raw.drops = [
      5,
      null,
      'queue_overflow',
      {},
      ['queue_overflow', 'error', 1e15, 'a'],
      ['queue_overflow', 'error', -3, 'b'],
      ['queue_overflow', 'error', '7', 'c'],
      ['queue_overflow', 'error', 1.5, 'd'],
      [{}, 'error', 2, 'e'],
      ['queue_overflow', 'error', 2, { not: 'an id' }],
      ['queue_overflow', 'error', 2, 42],
      ['send_error', 'log_item', 3, 'f'],
    ];
    localStorage.setItem(EARLY_KEY, JSON.stringify(raw));
    const next = tab(true);
    captureException(new Error('its own'));
    expect(await next.client.flush(2000)).toBe(true);
    expect(next.sent()).toEqual(['its own', 'kept beside hostile losses']);
    // Only the one well-formed line: a quantity Relay cannot read (a u32) would reject the whole report.
    expect(next.lost()).toEqual([{ reason: 'send_error', category: 'log_item', quantity: 3 }]);
  });

  it('survive a kept value whose drops are not a list, or whose records are not records', async () => {
    for (const value of [
      { records: [], drops: { 0: ['queue_overflow', 'error', 1] } },
      { records: [null, 7, 'x'], drops: [] },
      { records: 'x', drops: 'y' },
    ]) {
      localStorage.setItem(EARLY_KEY, JSON.stringify(value));
      const next = tab(true);
      captureException(new Error('its own'));
      expect(await next.client.flush(2000)).toBe(true);
      expect(next.sent()).toEqual(['its own']);
      expect(next.lost()).toEqual([]);
      localStorage.clear();
    }
  });
});
