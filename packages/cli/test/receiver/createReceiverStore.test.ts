import { appendFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiverStore } from '@faultline/cli';
import type { Event } from '@faultline/core';
import { describe, expect, it } from 'vitest';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'faultline-store-'));
let sequence = 0;
const event = (value: string, extra?: Record<string, unknown>): Event => ({
  event_id: `${value}${String(sequence++).padStart(8, '0')}`.padEnd(32, '0').slice(0, 32),
  timestamp: Date.now() / 1000,
  level: 'error',
  exception: { values: [{ type: 'Error', value }] },
  extra,
});

describe('createReceiverStore', () => {
  it('counts an event posted twice (a retried envelope, same event_id) once, across a restart too', () => {
    const dir = tmp();
    const store = createReceiverStore(dir);
    const retried = event('retried');
    const first = store.addEvent(retried);
    expect(store.addEvent(retried)).toEqual({ issue: first.issue, isNew: false });
    expect(store.summary().events).toBe(1);
    expect(first.issue.count).toBe(1);
    expect(createReceiverStore(dir).addEvent(retried).issue.count).toBe(1);
  });

  it('keeps what it stores readable by this user only (folder 0700, files 0600)', () => {
    const dir = path.join(tmp(), 'store');
    const store = createReceiverStore(dir);
    store.addEvent(event('private'));
    store.addLog({ timestamp: 1, level: 'info', body: 'a log', attributes: {}, source: 'loki' });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'events.ndjson')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'logs.ndjson')).mode & 0o777).toBe(0o600);
  });

  it('reads back the end of its files at start, within reloadBytes, skipping lines it cannot read', () => {
    const dir = tmp();
    const first = createReceiverStore(dir);
    for (let i = 0; i < 100; i++) first.addEvent(event(i % 2 ? 'odd' : 'even'));
    first.addLog({ timestamp: 1, level: 'info', body: 'a log', attributes: {}, source: 'loki' });
    first.addClientReport({ discarded_events: [] });
    first.addSessionItem('sessions', {
      attrs: { release: 'api@1.0.0' },
      aggregates: [{ started: '2026-01-02T03:04:00.000Z', exited: 3, errored: 1 }],
    });
    appendFileSync(path.join(dir, 'events.ndjson'), '{"cut short by a cra');
    appendFileSync(path.join(dir, 'sessions.ndjson'), '{"cut short');

    expect(createReceiverStore(dir).summary()).toEqual({
      issues: 2,
      events: 100,
      logs: 1,
      sessions: 4,
      clientReports: 1,
    });
    const lineBytes = readFileSync(path.join(dir, 'events.ndjson'), 'utf8').split('\n')[0]!.length + 1;
    const bounded = createReceiverStore(dir, { reloadBytes: lineBytes * 10 });
    expect(bounded.summary().events).toBeLessThanOrEqual(10);
    expect(bounded.summary().events).toBeGreaterThanOrEqual(8);
  });

  it('keeps an oversized event trimmed in memory and whole on disk', () => {
    const dir = tmp();
    const store = createReceiverStore(dir);
    const { issue } = store.addEvent(event('big', { blob: 'x'.repeat(2 * 1024 * 1024) }));
    expect(JSON.stringify(issue.events[0]).length).toBeLessThan(300 * 1024);
    expect(issue.events[0]!.exception!.values[0]!.value).toBe('big');
    expect(readFileSync(path.join(dir, 'events.ndjson'), 'utf8').length).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('bounds the logs it holds by count and by bytes, dropping the oldest', () => {
    const store = createReceiverStore(tmp());
    for (let i = 0; i < 600; i++) {
      store.addLog({
        timestamp: i,
        level: 'info',
        body: `line ${i}`,
        attributes: { pad: 'p'.repeat(60_000) },
        source: 'loki',
      });
    }
    const logs = store.logs();
    expect(logs.length).toBeLessThan(600);
    expect(JSON.stringify(logs).length).toBeLessThanOrEqual(33 * 1024 * 1024);
    expect(logs.at(-1)!.body).toBe('line 599');
  });

  it('remembers the releases and environments of an issue’s events (10 of each at most), and reads every kind of timestamp', () => {
    const now = Date.UTC(2026, 0, 15, 14, 40);
    const store = createReceiverStore(tmp(), { now: () => now });
    for (let i = 0; i < 12; i++) {
      store.addEvent({ ...event('released'), release: `shop@1.0.${i}`, environment: i % 2 ? 'production' : 'staging' });
    }
    const [issue] = store.issues();
    expect(issue!.releases).toEqual(Array.from({ length: 10 }, (_, i) => `shop@1.0.${i}`));
    expect(issue!.environments).toEqual(['staging', 'production']);
    const dated = store.addEvent({ ...event('dated'), timestamp: '2026-01-15T14:37:20.500Z' as unknown as number });
    expect(dated.issue.firstSeen).toBe(Date.UTC(2026, 0, 15, 14, 37, 20, 500));
    expect(store.series(dated.issue.id)!.hour.counts.at(-4)).toBe(1);
    const undated = store.addEvent({ ...event('undated'), timestamp: undefined });
    expect(undated.issue.firstSeen).toBe(now);
  });
});
