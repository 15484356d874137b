import { debugLogger, getSdkMetrics, type Client } from '@faultline/core';
import type * as PromClientModule from 'prom-client';
import { metricFamilies } from './metricFamilies';
import type { MetricFamily } from './types';

/** A prom-client `Registry` (the default `register` or one of the app's own). */
export interface PromRegistry {
  registerMetric(metric: never): void;
}

type PromClient = typeof PromClientModule;
type Collectable = {
  reset(): void;
  inc?(labels: object, value: number): void;
  set?(labels: object, value: number): void;
};
type Aggregator = 'sum' | 'max' | 'min' | 'first';

/** How prom-client's cluster aggregation should combine a gauge from several workers. */
const AGGREGATOR: Record<string, Aggregator> = {
  faultline_build: 'first',
  faultline_journal_durable: 'min',
  faultline_rate_limited_until_seconds: 'max',
};

/**
 * For apps that already serve prom-client's registry: adds the SDK's metrics (`faultline_*`, read from the
 * SDK at each scrape, never per event) to `registry`, in its format (text or OpenMetrics). prom-client is an
 * optional peer dependency, loaded by this call only. Resolves false (and says why once) when prom-client
 * cannot be loaded or the metrics are registered there already. Never rejects.
 *
 * @example
 * import { register } from 'prom-client';
 * await registerFaultlineMetrics(register);
 */
export async function registerFaultlineMetrics(
  registry: PromRegistry,
  options: { client?: Client } = {},
): Promise<boolean> {
  let prom: PromClient;
  try {
    const loaded = (await import('prom-client')) as PromClient & { default?: PromClient };
    prom = loaded.Histogram ? loaded : loaded.default!;
  } catch (error) {
    debugLogger.configProblem('registerFaultlineMetrics needs prom-client: npm install prom-client');
    debugLogger.error('Loading prom-client failed', error);
    return false;
  }
  // One reading per scrape: prom-client collects every metric in the same tick.
  let current: Map<string, MetricFamily> | undefined;
  const family = (name: string): MetricFamily | undefined => {
    if (!current) {
      const metrics = getSdkMetrics(options.client);
      current = new Map((metrics ? metricFamilies(metrics) : []).map((f) => [f.name, f]));
      queueMicrotask(() => (current = undefined));
    }
    return current.get(name);
  };
  const template = getSdkMetrics(options.client);
  const families = metricFamilies(
    template ?? { version: '', runtime: '', eventsCaptured: {}, eventsDropped: {}, destinations: {} },
  );
  try {
    for (const { name, type, help, labelNames } of families) {
      const config = { help, labelNames, registers: [registry as never], aggregator: AGGREGATOR[name] ?? 'sum' };
      if (type === 'histogram') registerHistogram(prom, name, config, family);
      else if (type === 'counter')
        new prom.Counter({ ...config, name: `${name}_total`, collect: collector(name, 'inc') });
      else
        new prom.Gauge({ ...config, name: type === 'info' ? `${name}_info` : name, collect: collector(name, 'set') });
    }
    return true;
  } catch (error) {
    debugLogger.configProblem(`registerFaultlineMetrics: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }

  function collector(name: string, method: 'inc' | 'set') {
    return function (this: Collectable): void {
      this.reset();
      for (const sample of family(name)?.samples ?? []) this[method]!(sample.labels, sample.value);
    };
  }
}

/** prom-client has no way to set a histogram's buckets, so this one answers with the SDK's own. */
function registerHistogram(
  prom: PromClient,
  name: string,
  config: { help: string; labelNames: string[]; registers: never[]; aggregator: Aggregator },
  family: (name: string) => MetricFamily | undefined,
): void {
  const read = async () => ({
    name,
    help: config.help,
    type: 'histogram',
    aggregator: config.aggregator,
    values: (family(name)?.samples ?? []).map((s) => ({ metricName: s.name, labels: s.labels, value: s.value })),
  });
  class FaultlineHistogram extends prom.Histogram {
    override get(): never {
      return read() as never;
    }
    getForPromString() {
      return read();
    }
  }
  new FaultlineHistogram({ ...config, name });
}
