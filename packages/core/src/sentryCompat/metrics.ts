import { noteInert } from './noteInert';

type MetricOptions = { unit?: string; attributes?: Record<string, unknown>; scope?: unknown };

const inert = (): void => noteInert('metrics (Sentry metrics)');

/**
 * Sentry's metrics API (`metrics.count('orders', 1)`): accepted and inert. Faultline's own counters are a
 * separate feature (issue 28); these application metrics are not sent.
 */
export const metrics: {
  count(name: string, value?: number, options?: MetricOptions): void;
  gauge(name: string, value: number, options?: MetricOptions): void;
  distribution(name: string, value: number, options?: MetricOptions): void;
} = { count: inert, gauge: inert, distribution: inert };
