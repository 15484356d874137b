/** One sample line: its full name (`…_total`, `…_bucket`, `…_info`), labels and value. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * A metric family as OpenMetrics names it (a counter's family has no `_total`, an info metric's no
 * `_info`); the Prometheus 0.0.4 text format names a family after its samples instead.
 */
export interface MetricFamily {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'info';
  /** A base unit the name ends with (`seconds`, `bytes`). */
  unit?: string;
  help: string;
  labelNames: string[];
  samples: MetricSample[];
}
