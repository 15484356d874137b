// The shipped Grafana dashboard (packages/cli/dashboards/faultline.json): its queries parse with Grafana's and
// Prometheus's own grammars, its stream selectors use only labels the Loki destination sends, and it
// type-checks against @grafana/schema. That each PromQL query returns data from a real Prometheus is
// packages/node/test/metrics/prometheus.test.ts.
import { parser as logqlParser } from '@grafana/lezer-logql';
import { createEventEnvelope, createLokiDestination, uuid4, type Envelope } from '@faultline/core';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { dashboardQueries, interpolate, readDashboard } from '@faultline/test-utils';
import type { LRParser } from '@lezer/lr';
import { describe, expect, it } from 'vitest';
import { checkDashboardType } from './checkDashboardType';

/** A parse's error nodes, with what they cover, and every node as `[name, text]`. */
function parse(parser: LRParser, text: string) {
  const errors: string[] = [];
  const nodes: [string, string][] = [];
  parser.parse(text).iterate({
    enter(node) {
      if (node.type.isError) errors.push(`at ${node.from}: "${text.slice(node.from, node.to + 10)}"`);
      nodes.push([node.name, text.slice(node.from, node.to)]);
    },
  });
  return { errors, nodes };
}

/** What the Loki destination really pushes for an event and a log: its stream labels, metadata keys, line fields. */
async function lokiPush() {
  const destination = createLokiDestination({ url: 'http://127.0.0.1:9/loki/api/v1/push', service: 'checkout' });
  const sdk = { name: 'faultline.javascript.test', version: '0' };
  const event = { event_id: uuid4(), timestamp: Date.now() / 1000, level: 'error' as const, release: 'r1' };
  const error = { ...event, exception: { values: [{ type: 'Error', value: 'boom' }] } };
  const trace = { trace_id: '0'.repeat(32), span_id: '0'.repeat(16) };
  const pushes = [
    createEventEnvelope({ ...error, contexts: { trace } }, { sdk }),
    [
      { sent_at: new Date().toISOString() },
      [
        [
          { type: 'log', item_count: 1, content_type: 'application/vnd.sentry.items.log+json' },
          { items: [{ timestamp: Date.now() / 1000, level: 'info', body: 'hello', trace_id: trace.trace_id }] },
        ],
      ],
    ] as Envelope,
  ];
  const labels = new Set<string>();
  const metadata = new Set<string>();
  for (const envelope of pushes) {
    const encoded = await destination.encode(envelope);
    const body = JSON.parse(String(encoded!.body)) as {
      streams: { stream: Record<string, string>; values: [string, string, Record<string, string>][] }[];
    };
    for (const { stream, values } of body.streams) {
      Object.keys(stream).forEach((label) => labels.add(label));
      for (const [, , meta] of values) Object.keys(meta).forEach((key) => metadata.add(key));
    }
  }
  return { labels, metadata };
}

const queries = dashboardQueries();
const logql = queries.filter((q) => q.language === 'loki');
const promql = queries.filter((q) => q.language === 'prometheus');

describe('the Grafana dashboard', () => {
  it('has the panels the issue lists, each query on the datasource chosen in its template variable', () => {
    const titles = queries.map((q) => q.panel);
    for (const title of [
      'Errors over time by service and level',
      'Top error fingerprints',
      'New fingerprints in the last hour',
      'Logs of trace $trace_id',
      'Errors of trace $trace_id',
      'Crash-free sessions per release',
      'Drops by reason',
      'Queue depth',
      'Durability',
      'Send latency',
    ])
      expect(titles).toContain(title);
    const dashboard = readDashboard() as { templating: { list: { name: string; type: string; query?: string }[] } };
    const variables = Object.fromEntries(dashboard.templating.list.map((v) => [v.name, v]));
    expect(variables.loki).toMatchObject({ type: 'datasource', query: 'loki' });
    expect(variables.prometheus).toMatchObject({ type: 'datasource', query: 'prometheus' });
    expect(variables.service).toMatchObject({ type: 'query', query: 'label_values(service_name)' });
    const text = JSON.stringify(dashboard);
    expect(
      text.match(/"uid":"[^"]*"/g)!.filter((uid) => !/\$\{(loki|prometheus)\}|faultline-overview/.test(uid)),
    ).toEqual([]);
    expect(logql.length).toBeGreaterThanOrEqual(6);
    expect(logql.every((q) => q.expr.includes('service_name=~"$service"'))).toBe(true);
  });

  it.each(logql.map((q) => [`${q.panel} ${q.refId}`, q] as const))('LogQL of %s parses with no error node', (_, q) => {
    const { errors, nodes } = parse(logqlParser, interpolate(q.expr));
    expect(errors).toEqual([]);
    expect(nodes[0]![0]).toBe('LogQL');
    expect(nodes.some(([name]) => name === 'Selector')).toBe(true);
  });

  it('selects streams only by labels the Loki destination sends, and filters identifiers as structured metadata', async () => {
    const sent = await lokiPush();
    expect([...sent.labels].sort()).toEqual(['environment', 'level', 'service_name', 'source']);
    expect(sent.metadata).toContain('trace_id');
    expect(sent.metadata).toContain('release');
    for (const q of logql) {
      const { nodes } = parse(logqlParser, interpolate(q.expr));
      // A Matcher inside a Selector is a stream selector; the others are label filters after the pipe.
      const selectors = nodes.filter(([name]) => name === 'Selector').map(([, text]) => text);
      for (const selector of selectors) {
        const labels = [...selector.matchAll(/(\w+)\s*(?:=~|!~|!=|=)/g)].map((m) => m[1]!);
        expect(
          labels.filter((label) => !sent.labels.has(label)),
          `${q.panel}: ${selector}`,
        ).toEqual([]);
      }
      // trace_id and release are never stream labels (Loki would refuse such cardinality); they are metadata.
      expect(selectors.join(' ')).not.toMatch(/trace_id|release|fingerprint/);
    }
  });

  it.each(promql.map((q) => [`${q.panel} ${q.refId}`, q] as const))(
    'PromQL of %s parses with no error node',
    (_, q) => {
      const { errors, nodes } = parse(promqlParser, interpolate(q.expr));
      expect(errors).toEqual([]);
      const metrics = nodes.filter(([name]) => name === 'VectorSelector').map(([, text]) => text.split('{')[0]);
      expect(metrics.length).toBeGreaterThan(0);
      for (const metric of metrics) expect(metric).toMatch(/^faultline_[a-z_]+$/);
    },
  );

  it("type-checks against @grafana/schema's Dashboard, and a wrong dashboard does not", () => {
    expect(checkDashboardType(readDashboard())).toEqual([]);
    const wrong = readDashboard() as { panels: Record<string, unknown>[]; schemaVersion?: unknown };
    wrong.schemaVersion = '39';
    wrong.panels[1]!.gridPos = { h: 8, w: 12, x: 0 };
    (wrong.panels[1] as { fieldConfig: { defaults: Record<string, unknown> } }).fieldConfig.defaults.color = {
      mode: 'rainbow',
    };
    const problems = checkDashboardType(wrong).join('\n');
    expect(problems).toContain("Type 'string' is not assignable to type 'number'");
    expect(problems).toContain("Property 'y' is missing");
    expect(problems).toContain('not a FieldColorModeId');
  });
});
