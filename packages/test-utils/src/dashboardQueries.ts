import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One query of a panel of the shipped Grafana dashboard. */
export interface DashboardQuery {
  panel: string;
  refId: string;
  /** The datasource type of the query: `loki` or `prometheus`. */
  language: 'loki' | 'prometheus';
  expr: string;
  /** Asked at one instant (a table, a bar gauge) rather than over the time range. */
  instant: boolean;
}

/**
 * Where the CLI package keeps the dashboard it ships (and `faultline dashboard` prints). Worked out when
 * called, not at import: jsdom tests import test-utils too, with a non-file URL.
 */
export const dashboardPath = (): string =>
  fileURLToPath(new URL('../../cli/dashboards/faultline.json', import.meta.url));

interface PanelJson {
  title?: string;
  type?: string;
  datasource?: { type?: string };
  targets?: { refId?: string; expr?: string; datasource?: { type?: string }; queryType?: string; instant?: boolean }[];
  panels?: PanelJson[];
}

/** The dashboard's JSON as shipped. */
export function readDashboard(path = dashboardPath()): Record<string, unknown> & { panels?: PanelJson[] } {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { panels?: PanelJson[] };
}

/** Every query of every panel (rows' nested panels included), as written, variables and all. */
export function dashboardQueries(dashboard = readDashboard()): DashboardQuery[] {
  const queries: DashboardQuery[] = [];
  const visit = (panels: PanelJson[] = []): void => {
    for (const panel of panels) {
      visit(panel.panels);
      for (const target of panel.targets ?? []) {
        const language = target.datasource?.type ?? panel.datasource?.type;
        if (language !== 'loki' && language !== 'prometheus') throw new Error(`${panel.title}: datasource ${language}`);
        queries.push({
          panel: String(panel.title),
          refId: String(target.refId),
          language,
          expr: String(target.expr),
          instant: target.queryType === 'instant' || target.instant === true,
        });
      }
    }
  };
  visit(dashboard.panels);
  return queries;
}

/**
 * A query as Grafana sends it: its variables replaced (`$service`, `$job`… by `values`, Grafana's own
 * `$__interval`, `$__rate_interval` and `$__range` by the durations given, default 1m, 1m and 1h).
 */
export function interpolate(expr: string, values: Record<string, string> = {}): string {
  const all: Record<string, string> = {
    __interval: '1m',
    __rate_interval: '1m',
    __range: '1h',
    service: '.+',
    job: '.+',
    trace_id: '0123456789abcdef0123456789abcdef',
    ...values,
  };
  return expr.replace(/\$\{?(\w+)\}?/g, (match, name: string) => all[name] ?? match);
}
