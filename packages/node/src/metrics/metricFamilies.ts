import type { DestinationMetrics, SdkMetrics } from '@faultline/core';
import type { MetricFamily, MetricSample } from './types';

type Family = Omit<MetricFamily, 'samples'>;

const BUILD: Family = {
  name: 'faultline_build',
  type: 'info',
  help: 'The Faultline SDK in this process: its version and runtime.',
  labelNames: ['version', 'runtime'],
};
const CAPTURED: Family = {
  name: 'faultline_events_captured',
  type: 'counter',
  help: 'Events and log records handed to the SDK while it was enabled, per data category.',
  labelNames: ['category'],
};
const DROPPED: Family = {
  name: 'faultline_events_dropped',
  type: 'counter',
  help: 'Events and log records the SDK did not deliver, per client-report reason and data category.',
  labelNames: ['reason', 'category'],
};
const SENT: Family = {
  name: 'faultline_envelopes_sent',
  type: 'counter',
  help: 'Attempts to send an envelope, per destination and outcome (ok, retry, rejected, rate_limited).',
  labelNames: ['destination', 'outcome'],
};
const DURATION: Family = {
  name: 'faultline_send_duration_seconds',
  type: 'histogram',
  unit: 'seconds',
  help: 'How long each attempt to send an envelope took, answered or not.',
  labelNames: ['destination'],
};

/** The gauges a destination has, each read from its transport at this scrape. */
const GAUGES: [Family, (d: DestinationMetrics) => number][] = [
  [
    gauge('faultline_queue_depth', 'Envelopes queued for the destination, waiting or on the wire.'),
    (d) => d.queueDepth,
  ],
  [gauge('faultline_queue_capacity', 'Most envelopes the queue for the destination holds.'), (d) => d.queueCapacity],
  [
    { ...gauge('faultline_journal_bytes', 'Bytes of queued envelopes that the journal holds on disk.'), unit: 'bytes' },
    (d) => d.journalBytes,
  ],
  [
    gauge('faultline_journal_durable', '1 when queued envelopes survive a restart (the journal kept its last write).'),
    (d) => (d.journalDurable ? 1 : 0),
  ],
];
const RATE_LIMITED: Family = {
  name: 'faultline_rate_limited_until_seconds',
  type: 'gauge',
  unit: 'seconds',
  help: 'Until when the destination asked not to be sent a category (or all), as a Unix time; 0 when it did not.',
  labelNames: ['destination', 'category'],
};

function gauge(name: string, help: string): Family {
  return { name, type: 'gauge', help, labelNames: ['destination'] };
}

/**
 * The SDK's metrics as Prometheus metric families, with Prometheus naming: base units, `_total` counters,
 * low-cardinality labels (`destination` is `sentry`, `loki` or `other`, never a URL or a key).
 */
export function metricFamilies(metrics: SdkMetrics): MetricFamily[] {
  const destinations = Object.entries(metrics.destinations);
  const perDestination = (family: Family, value: (d: DestinationMetrics) => number): MetricFamily => ({
    ...family,
    samples: destinations.map(([destination, d]) => ({ name: family.name, labels: { destination }, value: value(d) })),
  });
  return [
    { ...BUILD, samples: [sample('faultline_build_info', { version: metrics.version, runtime: metrics.runtime }, 1)] },
    {
      ...CAPTURED,
      samples: Object.entries(metrics.eventsCaptured).map(([category, value]) =>
        sample('faultline_events_captured_total', { category }, value),
      ),
    },
    {
      ...DROPPED,
      samples: Object.entries(metrics.eventsDropped).flatMap(([reason, byCategory]) =>
        Object.entries(byCategory).map(([category, value]) =>
          sample('faultline_events_dropped_total', { reason, category }, value),
        ),
      ),
    },
    {
      ...SENT,
      samples: destinations.flatMap(([destination, d]) =>
        Object.entries(d.envelopesSent).map(([outcome, value]) =>
          sample('faultline_envelopes_sent_total', { destination, outcome }, value),
        ),
      ),
    },
    { ...DURATION, samples: destinations.flatMap(([destination, d]) => histogramSamples(destination, d)) },
    ...GAUGES.map(([family, value]) => perDestination(family, value)),
    {
      ...RATE_LIMITED,
      samples: destinations.flatMap(([destination, d]) =>
        Object.entries(d.rateLimitedUntil).map(([category, value]) =>
          sample(RATE_LIMITED.name, { destination, category }, value),
        ),
      ),
    },
  ];
}

function sample(name: string, labels: Record<string, string>, value: number): MetricSample {
  return { name, labels, value };
}

function histogramSamples(destination: string, d: DestinationMetrics): MetricSample[] {
  const name = DURATION.name;
  const { buckets, sum, count } = d.sendDuration;
  return [
    ...buckets.map((b) => sample(`${name}_bucket`, { destination, le: String(b.le) }, b.count)),
    sample(`${name}_bucket`, { destination, le: '+Inf' }, count),
    sample(`${name}_sum`, { destination }, sum),
    sample(`${name}_count`, { destination }, count),
  ];
}
