import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiverStore } from '@faultline/cli';
import type { Event } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { readView } from '../../src/receiver/readView';

const NOW = Date.UTC(2026, 0, 15, 14, 37, 20);
const tmp = () => mkdtempSync(path.join(tmpdir(), 'faultline-view-'));
let sequence = 0;
const event = (secondsAgo: number, extra: Partial<Event> = {}): Event => ({
  event_id: String(++sequence).padStart(32, '0'),
  timestamp: NOW / 1000 - secondsAgo,
  level: 'error',
  exception: { values: [{ type: 'TypeError', value: 'card declined' }] },
  ...extra,
});
const view = (store: ReturnType<typeof createReceiverStore>, url: string) =>
  readView(store, new URL(url, 'http://127.0.0.1'));

describe('readView', () => {
  it('lists issues with their latest release and environment and their counts over time, without their events', () => {
    const store = createReceiverStore(tmp(), { now: () => NOW });
    store.addEvent(event(3 * 3600, { release: 'shop@1.0.0', environment: 'staging' }));
    store.addEvent(event(600, { release: 'shop@1.0.1', environment: 'production' }));
    store.addEvent(event(5, { release: 'shop@1.0.1', environment: 'production' }));
    const [status, issues] = view(store, '/api/issues') as [number, Record<string, unknown>[]];
    expect(status).toBe(200);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({
      title: 'TypeError: card declined',
      count: 3,
      release: 'shop@1.0.1',
      environment: 'production',
      releases: ['shop@1.0.0', 'shop@1.0.1'],
      environments: ['staging', 'production'],
      lastEventId: String(sequence).padStart(32, '0'),
    });
    expect(issue).not.toHaveProperty('events');
    const series = issue!.series as { hour: { counts: number[] }; day: { counts: number[] } };
    expect(series.hour.counts.at(-1)).toBe(1); // 5 s ago
    expect(series.hour.counts.at(-11)).toBe(1); // 10 min ago
    expect(series.day.counts.at(-1)).toBe(2); // both since 14:00
    expect(series.day.counts.at(-4)).toBe(1); // 11:37
  });

  it('answers an issue with its kept events, newest first, the browser and OS their User-Agent names added', () => {
    const store = createReceiverStore(tmp(), { now: () => NOW });
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0';
    const { issue } = store.addEvent(
      event(60, { request: { url: 'https://shop.test/', headers: { 'User-Agent': ua } } }),
    );
    store.addEvent(event(1));
    const [status, body] = view(store, `/api/issues/${issue.id}`) as [number, { events: Event[]; series: unknown }];
    expect(status).toBe(200);
    expect(body.events.map((e) => e.contexts?.browser)).toEqual([
      undefined,
      { name: 'Firefox', version: '127.0', derived_from: 'User-Agent' },
    ]);
    expect(body.series).toEqual(store.series(issue.id));
    expect(view(store, '/api/issues/0123456789abcdef')).toEqual([404, { error: 'no such issue' }]);
  });

  it('answers logs as rows, filtered by level, trace id and text, empty filters ignored, at most `limit` of the newest', () => {
    const store = createReceiverStore(tmp(), { now: () => NOW });
    const base = { timestamp: NOW, traceId: 'a'.repeat(32), attributes: {} };
    store.addLog({ ...base, level: 'info', body: 'Cart loaded', source: 'sentry' });
    store.addLog({ ...base, level: 'info', body: 'Cart loaded', source: 'loki' });
    store.addLog({ ...base, level: 'warn', body: 'Stock low', source: 'sentry', timestamp: NOW + 1 });
    const logs = (url: string) =>
      (view(store, url)[1] as { body: string; sources: string[] }[]).map((l) => [l.body, l.sources]);
    expect(logs('/api/logs?level=&trace_id=&q=')).toEqual([
      ['Cart loaded', ['sentry', 'loki']],
      ['Stock low', ['sentry']],
    ]);
    expect(logs('/api/logs?level=warn')).toEqual([['Stock low', ['sentry']]]);
    expect(logs(`/api/logs?trace_id=${'b'.repeat(32)}`)).toEqual([]);
    expect(logs('/api/logs?q=CART')).toEqual([['Cart loaded', ['sentry', 'loki']]]);
    expect(logs('/api/logs?limit=1')).toEqual([['Stock low', ['sentry']]]);
    expect(view(store, '/api/nothing')).toEqual([404, { error: 'not found' }]);
  });
});
