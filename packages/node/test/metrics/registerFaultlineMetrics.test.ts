// registerFaultlineMetrics with the real prom-client (a devDependency here; an optional peer for users).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { captureException, flush, getSdkMetrics, registerFaultlineMetrics } from '@faultline/node';
import { Registry, type OpenMetricsContentType } from 'prom-client';
import { describe, expect, it, vi } from 'vitest';
import { useMetricsClient, valueOf } from './metricsSupport';

const hasPromtool = existsSync('/usr/bin/promtool');
// The first answer is a 503: one retry, then ok.
useMetricsClient((index) => (index === 0 ? { status: 503 } : { status: 200 }));

describe('registerFaultlineMetrics', () => {
  it("adds the SDK's metrics to a prom-client registry, read again at each scrape", async () => {
    const registry = new Registry();
    expect(await registerFaultlineMetrics(registry)).toBe(true);
    let text = await registry.metrics();
    const sdk = getSdkMetrics()!;
    expect(valueOf(text, 'faultline_events_captured_total{category="error"}')).toBe(1);
    expect(valueOf(text, 'faultline_envelopes_sent_total{destination="sentry",outcome="retry"}')).toBe(1);
    expect(valueOf(text, 'faultline_envelopes_sent_total{destination="sentry",outcome="ok"}')).toBe(1);
    expect(valueOf(text, 'faultline_send_duration_seconds_count{destination="sentry"}')).toBe(2);
    expect(valueOf(text, 'faultline_send_duration_seconds_bucket{destination="sentry",le="+Inf"}')).toBe(2);
    expect(valueOf(text, 'faultline_send_duration_seconds_sum{destination="sentry"}')).toBeCloseTo(
      sdk.destinations.sentry!.sendDuration.sum,
    );
    expect(valueOf(text, 'faultline_build_info{version="0.1.0",runtime="node"}')).toBe(1);
    expect(valueOf(text, 'faultline_journal_durable{destination="sentry"}')).toBe(0);

    captureException(new Error('second'));
    await flush(3000);
    text = await registry.metrics();
    expect(valueOf(text, 'faultline_events_captured_total{category="error"}')).toBe(2);
    expect(valueOf(text, 'faultline_envelopes_sent_total{destination="sentry",outcome="ok"}')).toBe(2);
    if (hasPromtool)
      expect(execFileSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' })).toBe('');
  });

  it('answers in the registry’s own format: OpenMetrics, with _total counters and # EOF', async () => {
    const registry = new Registry<OpenMetricsContentType>();
    registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
    expect(await registerFaultlineMetrics(registry)).toBe(true);
    const text = await registry.metrics();
    expect(text).toContain('# TYPE faultline_events_captured counter\n');
    expect(valueOf(text, 'faultline_events_captured_total{category="error"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE faultline_send_duration_seconds histogram\n');
    expect(text.endsWith('# EOF\n')).toBe(true);
    const json = await registry.getMetricsAsJSON();
    expect(json.map((m) => m.name)).toContain('faultline_queue_depth');
  });

  it('resolves false, without throwing, when the metrics are in that registry already', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const registry = new Registry();
      expect(await registerFaultlineMetrics(registry)).toBe(true);
      expect(await registerFaultlineMetrics(registry)).toBe(false);
      expect(warn.mock.calls.map((c) => c.join(' ')).join('\n')).toContain('already been registered');
    } finally {
      warn.mockRestore();
    }
  });
});
