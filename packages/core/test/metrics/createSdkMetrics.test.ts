import { describe, expect, it } from 'vitest';
import { createSdkMetrics } from '../../src/metrics/createSdkMetrics';
import { readSdkMetrics } from '../../src/metrics/readSdkMetrics';
import type { TransportState } from '../../src/metrics/types';
import type { Decision } from '../../src/transports/decideOutcome';

/** A transport's state: `depth` queued entries of `bytes` each, journaled or not. */
const stats =
  (overrides: Partial<TransportState> & { depth?: number; bytes?: number; journaled?: boolean } = {}) =>
  (): TransportState => {
    const { depth = 0, bytes = 0, journaled = true, ...rest } = overrides;
    return {
      entries: Array.from({ length: depth }, () => ({ bytes, journaled })),
      capacity: 100,
      durable: true,
      limits: {},
      now: 1_000,
      ...rest,
    };
  };
const decision = (outcome: 'ok' | 'retry' | 'rejected' | 'rate_limited'): Decision =>
  ({
    ok: { destination: { kind: 'healthy' }, envelope: { kind: 'delivered' } },
    retry: { destination: { kind: 'failing', pauseUntil: 0 }, envelope: { kind: 'retry', at: 0, attempt: true } },
    rejected: { destination: { kind: 'healthy' }, envelope: { kind: 'drop', reason: 'send_error' } },
    rate_limited: { destination: { kind: 'rate_limited' }, envelope: { kind: 'retry', at: 0, attempt: false } },
  })[outcome] as Decision;
const read = (metrics: ReturnType<typeof createSdkMetrics>) => readSdkMetrics(metrics.state, 1_700_000_000_000);

describe('createSdkMetrics', () => {
  it('starts every captured category and every drop reason at 0, so each series exists before it moves', () => {
    const snapshot = read(createSdkMetrics({ version: '1.2.3', runtime: 'node' }));
    expect(snapshot.version).toBe('1.2.3');
    expect(snapshot.runtime).toBe('node');
    expect(snapshot.eventsCaptured).toEqual({ error: 0, log_item: 0 });
    expect(Object.keys(snapshot.eventsDropped).sort()).toEqual([
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
    expect(snapshot.eventsDropped.sample_rate).toEqual({ error: 0, log_item: 0 });
    expect(snapshot.destinations).toEqual({});
  });

  it('counts captures per category and drops per reason and category, with their quantities', () => {
    const metrics = createSdkMetrics({ version: '1', runtime: 'node' });
    metrics.captured('error');
    metrics.captured('error');
    metrics.captured('log_item');
    metrics.dropped('before_send', 'error');
    metrics.dropped('queue_overflow', 'log_item', 40);
    metrics.dropped('queue_overflow', 'log_item', 2);
    const snapshot = read(metrics);
    expect(snapshot.eventsCaptured).toEqual({ error: 2, log_item: 1 });
    expect(snapshot.eventsDropped.before_send).toEqual({ error: 1, log_item: 0 });
    expect(snapshot.eventsDropped.queue_overflow).toEqual({ error: 0, log_item: 42 });
  });

  it('returns a snapshot: reading again later does not change what was read', () => {
    const metrics = createSdkMetrics({ version: '1', runtime: 'node' });
    const before = read(metrics);
    metrics.captured('error');
    expect(before.eventsCaptured.error).toBe(0);
    expect(read(metrics).eventsCaptured.error).toBe(1);
  });

  it('counts each attempt per destination by outcome with its duration, and reads gauges only when read', () => {
    const metrics = createSdkMetrics({ version: '1', runtime: 'node' });
    let reads = 0;
    const observer = metrics.delivery.observe('sentry', () => {
      reads++;
      return stats({ depth: 3, bytes: 300 })();
    });
    observer.sent(decision('retry'), 0.02);
    observer.sent(decision('ok'), 0.2);
    observer.sent(decision('ok'), 40);
    observer.sent(decision('ok'), Number.NaN); // counted as an attempt, not as a duration
    expect(reads).toBe(0);
    const sentry = read(metrics).destinations.sentry!;
    expect(reads).toBe(1);
    expect(sentry.envelopesSent).toEqual({ ok: 3, retry: 1, rejected: 0, rate_limited: 0 });
    expect(sentry.sendDuration.count).toBe(3); // the +Inf bucket: 40 s is past the last bound
    expect(sentry.sendDuration.sum).toBeCloseTo(40.22);
    // Cumulative, a bound inclusive (Prometheus's `le`), every bucket there from the start.
    expect(sentry.sendDuration.buckets.map((b) => b.le)).toEqual([
      0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
    ]);
    expect(sentry.sendDuration.buckets.find((b) => b.le === 0.01)!.count).toBe(0);
    expect(sentry.sendDuration.buckets.find((b) => b.le === 0.025)!.count).toBe(1);
    expect(sentry.sendDuration.buckets.find((b) => b.le === 0.25)!.count).toBe(2);
    expect(sentry.sendDuration.buckets.find((b) => b.le === 30)!.count).toBe(2);
    expect(sentry).toMatchObject({ queueDepth: 3, queueCapacity: 100, journalBytes: 900, journalDurable: true });
    expect(reads).toBe(1);
  });

  it('labels destinations sentry or loki, anything else other (never a URL), summing the transports behind one', () => {
    const metrics = createSdkMetrics({ version: '1', runtime: 'node' });
    metrics.delivery.observe('loki', stats({ depth: 1, limits: { log_item: 3_000 } }));
    metrics.delivery.observe('loki', stats({ depth: 2, durable: false, limits: { all: 2_000 } }));
    metrics.delivery.observe('https://key@example.com/1', stats()).sent(decision('ok'), 0.1);
    const { destinations } = read(metrics);
    expect(Object.keys(destinations).sort()).toEqual(['loki', 'other']);
    expect(destinations.loki).toMatchObject({
      queueDepth: 3,
      queueCapacity: 200,
      journalDurable: false,
      rateLimitedUntil: { all: 1_700_000_001, log_item: 1_700_000_002 },
    });
    expect(destinations.other!.envelopesSent.ok).toBe(1);
  });
});
