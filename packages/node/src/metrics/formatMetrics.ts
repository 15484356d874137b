import type { MetricFamily } from './types';

/** The Prometheus text format, version 0.0.4. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
/** OpenMetrics 1.0, which Prometheus asks for first. */
export const OPENMETRICS_CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (text: string, openMetrics: boolean): string => {
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return openMetrics ? escaped.replace(/"/g, '\\"') : escaped;
};

/** A sample value: `+Inf`, `-Inf`, `NaN` spelled as both formats want them. */
function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** OpenMetrics wants `le` as a canonical float: `1.0`, not `1`. */
const canonicalLe = (le: string): string => (/^-?\d+$/.test(le) ? `${le}.0` : le);

/**
 * Metric families as the Prometheus text format 0.0.4 or, with `openMetrics`, OpenMetrics 1.0 (counter and
 * info families named without their suffix, `# UNIT` lines, `# EOF` at the end).
 */
export function formatMetrics(families: MetricFamily[], openMetrics: boolean): string {
  const lines: string[] = [];
  for (const family of families) {
    const name = openMetrics ? family.name : textFormatName(family);
    const type = family.type === 'info' && !openMetrics ? 'gauge' : family.type;
    lines.push(`# HELP ${name} ${escapeHelp(family.help, openMetrics)}`, `# TYPE ${name} ${type}`);
    if (openMetrics && family.unit) lines.push(`# UNIT ${name} ${family.unit}`);
    for (const sample of family.samples) {
      const labels = Object.entries(sample.labels).map(([label, value]) => {
        const shown = openMetrics && label === 'le' && family.type === 'histogram' ? canonicalLe(value) : value;
        return `${label}="${escapeLabel(shown)}"`;
      });
      lines.push(`${sample.name}${labels.length > 0 ? `{${labels.join(',')}}` : ''} ${formatValue(sample.value)}`);
    }
  }
  if (openMetrics) lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/** In the 0.0.4 format a family is named as its samples are: counters with `_total`, info with `_info`. */
function textFormatName(family: MetricFamily): string {
  if (family.type === 'counter') return `${family.name}_total`;
  if (family.type === 'info') return `${family.name}_info`;
  return family.name;
}
