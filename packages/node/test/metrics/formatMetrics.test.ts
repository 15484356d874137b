import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SdkMetrics } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { formatMetrics } from '../../src/metrics/formatMetrics';
import { metricFamilies } from '../../src/metrics/metricFamilies';

const PROMTOOL = '/usr/bin/promtool';
const hasPromtool = existsSync(PROMTOOL);

const snapshot: SdkMetrics = {
  version: '0.1.0',
  runtime: 'node',
  eventsCaptured: { error: 10, log_item: 3 },
  eventsDropped: { before_send: { error: 1, log_item: 0 }, queue_overflow: { error: 0, log_item: 40 } },
  destinations: {
    sentry: {
      envelopesSent: { ok: 10, retry: 4, rejected: 0, rate_limited: 1 },
      sendDuration: {
        buckets: [
          { le: 0.005, count: 2 },
          { le: 1, count: 13 },
          { le: 30, count: 15 },
        ],
        sum: 3.25,
        count: 15,
      },
      queueDepth: 2,
      queueCapacity: 10_000,
      journalBytes: 5120,
      journalDurable: true,
      rateLimitedUntil: { all: 0, error: 1_767_225_600.5 },
    },
  },
};

describe('formatMetrics', () => {
  it('writes the Prometheus text format 0.0.4: families named as their samples, no # EOF', () => {
    expect(formatMetrics(metricFamilies(snapshot), false)).toMatchInlineSnapshot(`
      "# HELP faultline_build_info The Faultline SDK in this process: its version and runtime.
      # TYPE faultline_build_info gauge
      faultline_build_info{version="0.1.0",runtime="node"} 1
      # HELP faultline_events_captured_total Events and log records handed to the SDK while it was enabled, per data category.
      # TYPE faultline_events_captured_total counter
      faultline_events_captured_total{category="error"} 10
      faultline_events_captured_total{category="log_item"} 3
      # HELP faultline_events_dropped_total Events and log records the SDK did not deliver, per client-report reason and data category.
      # TYPE faultline_events_dropped_total counter
      faultline_events_dropped_total{reason="before_send",category="error"} 1
      faultline_events_dropped_total{reason="before_send",category="log_item"} 0
      faultline_events_dropped_total{reason="queue_overflow",category="error"} 0
      faultline_events_dropped_total{reason="queue_overflow",category="log_item"} 40
      # HELP faultline_envelopes_sent_total Attempts to send an envelope, per destination and outcome (ok, retry, rejected, rate_limited).
      # TYPE faultline_envelopes_sent_total counter
      faultline_envelopes_sent_total{destination="sentry",outcome="ok"} 10
      faultline_envelopes_sent_total{destination="sentry",outcome="retry"} 4
      faultline_envelopes_sent_total{destination="sentry",outcome="rejected"} 0
      faultline_envelopes_sent_total{destination="sentry",outcome="rate_limited"} 1
      # HELP faultline_send_duration_seconds How long each attempt to send an envelope took, answered or not.
      # TYPE faultline_send_duration_seconds histogram
      faultline_send_duration_seconds_bucket{destination="sentry",le="0.005"} 2
      faultline_send_duration_seconds_bucket{destination="sentry",le="1"} 13
      faultline_send_duration_seconds_bucket{destination="sentry",le="30"} 15
      faultline_send_duration_seconds_bucket{destination="sentry",le="+Inf"} 15
      faultline_send_duration_seconds_sum{destination="sentry"} 3.25
      faultline_send_duration_seconds_count{destination="sentry"} 15
      # HELP faultline_queue_depth Envelopes queued for the destination, waiting or on the wire.
      # TYPE faultline_queue_depth gauge
      faultline_queue_depth{destination="sentry"} 2
      # HELP faultline_queue_capacity Most envelopes the queue for the destination holds.
      # TYPE faultline_queue_capacity gauge
      faultline_queue_capacity{destination="sentry"} 10000
      # HELP faultline_journal_bytes Bytes of queued envelopes that the journal holds on disk.
      # TYPE faultline_journal_bytes gauge
      faultline_journal_bytes{destination="sentry"} 5120
      # HELP faultline_journal_durable 1 when queued envelopes survive a restart (the journal kept its last write).
      # TYPE faultline_journal_durable gauge
      faultline_journal_durable{destination="sentry"} 1
      # HELP faultline_rate_limited_until_seconds Until when the destination asked not to be sent a category (or all), as a Unix time; 0 when it did not.
      # TYPE faultline_rate_limited_until_seconds gauge
      faultline_rate_limited_until_seconds{destination="sentry",category="all"} 0
      faultline_rate_limited_until_seconds{destination="sentry",category="error"} 1767225600.5
      "
    `);
  });

  it('writes OpenMetrics 1.0: counter and info families without suffix, units, canonical le, # EOF', () => {
    const text = formatMetrics(metricFamilies(snapshot), true);
    expect(text).toContain(
      '# TYPE faultline_events_captured counter\nfaultline_events_captured_total{category="error"} 10\n',
    );
    expect(text).toContain('# TYPE faultline_build info\nfaultline_build_info{version="0.1.0",runtime="node"} 1\n');
    expect(text).toContain(
      '# TYPE faultline_send_duration_seconds histogram\n# UNIT faultline_send_duration_seconds seconds\n',
    );
    expect(text).toContain('faultline_send_duration_seconds_bucket{destination="sentry",le="1.0"} 13\n');
    expect(text).toContain('faultline_send_duration_seconds_bucket{destination="sentry",le="0.005"} 2\n');
    expect(text).toContain('# UNIT faultline_journal_bytes bytes\n');
    expect(text).toContain('# UNIT faultline_rate_limited_until_seconds seconds\n');
    expect(text.endsWith('\n# EOF\n')).toBe(true);
  });

  it('escapes label values and help text', () => {
    const text = formatMetrics(
      [
        {
          name: 'x',
          type: 'gauge',
          help: 'a "b" \\ c\nd',
          labelNames: ['l'],
          samples: [{ name: 'x', labels: { l: 'q"\\\n' }, value: 1 }],
        },
      ],
      true,
    );
    expect(text).toBe('# HELP x a \\"b\\" \\\\ c\\nd\n# TYPE x gauge\nx{l="q\\"\\\\\\n"} 1\n# EOF\n');
  });

  it.skipIf(!hasPromtool)('passes promtool check metrics (Prometheus naming and format lint)', () => {
    const output = execFileSync(PROMTOOL, ['check', 'metrics'], {
      input: formatMetrics(metricFamilies(snapshot), false),
      encoding: 'utf8',
    });
    expect(output).toBe('');
  });

  it.skipIf(!hasPromtool)("parses as OpenMetrics with Prometheus's own parser (promtool's backfill)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'faultline-om-'));
    try {
      // The backfill reads OpenMetrics and needs a timestamp per sample: one is added to each line.
      const timed = formatMetrics(metricFamilies(snapshot), true).replace(
        /^([a-z_]+(\{[^}]*\})? \S+)$/gm,
        '$1 1700000000',
      );
      writeFileSync(path.join(dir, 'metrics.om'), timed);
      const output = execFileSync(PROMTOOL, ['tsdb', 'create-blocks-from', 'openmetrics', 'metrics.om', 'blocks'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(output).toMatch(/Wrote block|BLOCK ULID/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
