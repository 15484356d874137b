// Issue #28's "done when": a real Prometheus (Debian's package) scrapes a real Express app with the default
// setup (init({ dsn }), its file journal, metricsHandler() on /metrics) while the receiver, in another process,
// answers 503 to 6 errors and then 200 to them and 4 more; PromQL over Prometheus's HTTP API gives the counts,
// and every PromQL query of the shipped Grafana dashboard returns data.
import { dashboardQueries, interpolate, startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { privateHome, removeHome, startApp } from '../reliability/startApp';
import { hasPrometheus, startPrometheus, type PromSample } from './startPrometheus';

const JOB = 'checkout';
const one = (samples: PromSample[]): number | undefined => (samples.length === 1 ? samples[0]!.value : undefined);

// CI installs Debian's prometheus when it is missing (.ci/run); elsewhere, without it, this cannot run.
describe.skipIf(!hasPrometheus())('a real Prometheus scraping an Express app (needs /usr/bin/prometheus)', () => {
  it('counts 6 errors captured during an outage and 4 after it, and every dashboard query returns data', async () => {
    const receiver = await startReceiverProcess();
    await receiver.set({ script: [{ status: 503 }] });
    const home = privateHome();
    const app = startApp({ dsn: receiver.dsn, home, fixture: '../../metrics/fixtures/expressMetricsApp.mjs' });
    let prometheus: Awaited<ReturnType<typeof startPrometheus>> | undefined;
    try {
      const { port } = await app.next<{ type: string; at: number; port: number }>('ready');
      prometheus = await startPrometheus({ target: `127.0.0.1:${port}`, job: JOB });
      const boom = async (label: string) => {
        const response = await fetch(`http://127.0.0.1:${port}/boom/${label}`);
        expect(response.status).toBe(500);
      };
      for (let i = 0; i < 6; i++) await boom(`outage-${i}`);
      const q = prometheus.query.bind(prometheus);
      // During the outage: all 6 queued and journaled, attempts answered 503 counted as retries.
      await prometheus.waitFor(`faultline_queue_depth{job="${JOB}",destination="sentry"}`, (s) => one(s) === 6, 30_000);
      await prometheus.waitFor(
        `faultline_envelopes_sent_total{job="${JOB}",destination="sentry",outcome="retry"}`,
        (s) => (one(s) ?? 0) > 0,
        30_000,
      );
      expect(one(await q(`faultline_journal_bytes{job="${JOB}",destination="sentry"}`))).toBeGreaterThan(0);
      expect(one(await q(`faultline_envelopes_sent_total{job="${JOB}",outcome="ok"}`))).toBe(0);

      await receiver.set({ script: [] }); // 200 from now on
      for (let i = 0; i < 4; i++) await boom(`after-${i}`);
      await prometheus.waitFor(
        `faultline_envelopes_sent_total{job="${JOB}",destination="sentry",outcome="ok"}`,
        (s) => one(s) === 10,
        45_000,
      );
      await prometheus.waitFor(`faultline_queue_depth{job="${JOB}"}`, (s) => one(s) === 0, 10_000);

      const stats = await receiver.stats();
      expect({ unique: stats.unique, duplicates: stats.duplicates }).toEqual({ unique: 10, duplicates: 0 });
      expect(one(await q(`faultline_events_captured_total{job="${JOB}",category="error"}`))).toBe(10);
      const retries = one(await q(`faultline_envelopes_sent_total{job="${JOB}",outcome="retry"}`))!;
      expect(retries).toBeGreaterThan(0);
      expect(retries).toBe(stats.answered['503']);
      expect(one(await q(`sum(faultline_envelopes_sent_total{job="${JOB}",outcome=~"rejected|rate_limited"})`))).toBe(
        0,
      );
      expect(one(await q(`sum(faultline_events_dropped_total{job="${JOB}"})`))).toBe(0);
      expect(one(await q(`faultline_send_duration_seconds_count{job="${JOB}",destination="sentry"}`))).toBe(
        stats.requests,
      );
      // The 4 after it may join the 6 still queued until the destination's next probe finds it back.
      const deepest = one(await q(`max_over_time(faultline_queue_depth{job="${JOB}"}[5m])`))!;
      expect(deepest >= 6 && deepest <= 10).toBe(true);
      expect(one(await q(`min_over_time(faultline_journal_durable{job="${JOB}"}[5m])`))).toBe(1);
      expect(one(await q(`faultline_journal_bytes{job="${JOB}"}`))).toBe(0);
      expect(one(await q(`faultline_queue_capacity{job="${JOB}"}`))).toBeGreaterThan(0);
      expect(await q(`faultline_build_info{job="${JOB}",runtime="node",version="0.1.0"}`)).toHaveLength(1);

      // The dashboard: its job variable lists this job, and each of its PromQL queries returns series.
      expect(await prometheus.labelValues('job', 'faultline_build_info')).toEqual([JOB]);
      const promql = dashboardQueries().filter((query) => query.language === 'prometheus');
      expect(promql.length).toBeGreaterThanOrEqual(10);
      const empty: string[] = [];
      for (const query of promql) {
        const expr = interpolate(query.expr, { job: JOB, __rate_interval: '1m' });
        if ((await q(expr)).length === 0) empty.push(`${query.panel} ${query.refId}: ${expr}`);
      }
      expect(empty).toEqual([]);
    } finally {
      app.kill();
      await prometheus?.close();
      await receiver.close();
      removeHome(home);
    }
  }, 150_000);
});
