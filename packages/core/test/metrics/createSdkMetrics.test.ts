import { describe, expect, it } from 'vitest';
import { createSdkMetrics } from '../../src/metrics/createSdkMetrics';
import type { TransportStats } from '../../src/metrics/types';

const stats =
  (overrides: Partial<TransportStats> = {}) =>
  (): TransportStats => ({
    queueDepth: 0,
    queueCapacity: 100,
    journalBytes: 0,
    journalDurable: true,
    rateLimitedUntil: { all: 0 },
    ...overrides,
  });

describe('createSdkMetrics', () => {
  it('starts every captured category and every drop reason at 0, so each series exists before it moves', () => {
    const read = createSdkMetrics({ version: '1.2.3', runtime: 'node' }).read();
    expect(read.version).toBe('1.2.3');
    expect(read.runtime).toBe('node');
    expect(read.eventsCaptured).toEqual({ error: 0, log_item: 0 });
    expect(Object.keys(read.eventsDropped).sort()).toEqual([
      'before_send',
      'cache_overflow',
      'event_processor',
      'internal_sdk_error',
      'network_error',
      'queue_overflow',
      'ratelimit_backoff',
      'sample_rate',
      'send_error',
      'storm_guard',
    ]);
    expect(read.eventsDropped.sample_rate).toEqual({ error: 0, log_item: 0 });
    expect(read.destinations).toEqual({});
  });

  it('counts captures per category and drops per reason and category, with their quantities', () => {
    const metrics = createSdkMetrics({ version: '1', runtime: 'node' });
    metrics.captured('error');
    metrics.captured('error');
    metrics.captured('log_item');
    metrics.dropped('before_send', 'error');
    metrics.dropped('queue_overflow', 'log_item', 40);
    metrics.dropped('queue_overflow', 'log_item', 2);
    const read = metrics.read();
    expect(read.eventsCaptured).toEqual({ error: 2, log_item: 1 });
    expect(read.eventsDropped.before_send).toEqual({ error: 1, log_item: 0 });
    expect(read.eventsDropped.queue_overflow).toEqual({ error: 0, log_item: 42 });
  });

  it('returns a snapshot: reading again later does not change what was read', () => {
    const metrics = createSdkMetrics({ version: '1', runtime: 'node' });
    const before = metrics.read();
    metrics.captured('error');
    expect(before.eventsCaptured.error).toBe(0);
    expect(metrics.read().eventsCaptured.error).toBe(1);
  });

  it('counts each attempt per destination by outcome with its duration, and reads gauges only when read', () => {
    const metrics = createSdkMetrics({ version: '1', runtime: 'node' });
    let reads = 0;
    const observer = metrics.delivery.observe('sentry', () => {
      reads++;
      return stats({ queueDepth: 3, journalBytes: 900 })();
    });
    observer.sent('retry', 0.02);
    observer.sent('ok', 0.2);
    observer.sent('ok', 40);
    expect(reads).toBe(0);
    const sentry = metrics.read().destinations.sentry!;
    expect(reads).toBe(1);
    expect(sentry.envelopesSent).toEqual({ ok: 2, retry: 1, rejected: 0, rate_limited: 0 });
    expect(sentry.sendDuration.count).toBe(3);
    expect(sentry.sendDuration.sum).toBeCloseTo(40.22);
    expect(sentry.sendDuration.buckets.find((b) => b.le === 0.025)!.count).toBe(1);
    expect(sentry.sendDuration.buckets.find((b) => b.le === 30)!.count).toBe(2);
    expect(sentry).toMatchObject({ queueDepth: 3, queueCapacity: 100, journalBytes: 900, journalDurable: true });
  });

  it('labels destinations sentry or loki, anything else other (never a URL), summing the transports behind one', () => {
    const metrics = createSdkMetrics({ version: '1', runtime: 'node' });
    metrics.delivery.observe('loki', stats({ queueDepth: 1, rateLimitedUntil: { all: 0, log_item: 1000 } }));
    metrics.delivery.observe('loki', stats({ queueDepth: 2, journalDurable: false, rateLimitedUntil: { all: 500 } }));
    metrics.delivery.observe('https://key@example.com/1', stats()).sent('ok', 0.1);
    const { destinations } = metrics.read();
    expect(Object.keys(destinations).sort()).toEqual(['loki', 'other']);
    expect(destinations.loki).toMatchObject({
      queueDepth: 3,
      queueCapacity: 200,
      journalDurable: false,
      rateLimitedUntil: { all: 500, log_item: 1000 },
    });
    expect(destinations.other!.envelopesSent.ok).toBe(1);
  });
});
