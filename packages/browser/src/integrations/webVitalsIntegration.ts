import { installLogPipeline, type Integration } from '@faultline/core';
import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricWithAttribution } from 'web-vitals/attribution';

/**
 * Core Web Vitals (LCP, INP, CLS, FCP, TTFB) with their rating and attribution, sent as log records and
 * attached to later error events as measurements. Opt-in: `integrations: [webVitalsIntegration()]`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function webVitalsIntegration(options: { reportAllChanges?: boolean } = {}): Integration {
  const measurements: Record<string, { value: number; unit: string }> = {};
  return {
    name: 'WebVitals',
    setup(client) {
      installLogPipeline();
      const report = (metric: MetricWithAttribution): void => {
        try {
          measurements[metric.name.toLowerCase()] = {
            value: metric.value,
            unit: metric.name === 'CLS' ? '' : 'millisecond',
          };
          const attributes: Record<string, unknown> = {
            'web_vital.name': metric.name,
            'web_vital.value': metric.value,
            'web_vital.rating': metric.rating,
            'web_vital.navigation_type': metric.navigationType,
          };
          for (const [key, value] of Object.entries(metric.attribution as unknown as Record<string, unknown>)) {
            if (typeof value === 'string' || typeof value === 'number') attributes[`web_vital.${key}`] = value;
          }
          client.captureLog(
            'info',
            `Web vital ${metric.name}: ${Math.round(metric.value * 1000) / 1000} (${metric.rating})`,
            attributes,
          );
        } catch {
          // measuring must never break the page
        }
      };
      const reportOptions = { reportAllChanges: options.reportAllChanges ?? false };
      onLCP(report, reportOptions);
      onINP(report, reportOptions);
      onCLS(report, reportOptions);
      onFCP(report, reportOptions);
      onTTFB(report, reportOptions);
    },
    processEvent(event) {
      if (Object.keys(measurements).length > 0) event.measurements = { ...measurements, ...event.measurements };
      return event;
    },
  };
}
