import type { Decision } from '../transports/decideOutcome';

/** How one attempt to send an envelope ended, as `faultline_envelopes_sent_total{outcome}` counts it. */
export type SendOutcome = 'ok' | 'retry' | 'rejected' | 'rate_limited';

/**
 * What a transport knows of itself, read only when metrics are read (a scrape), never per event.
 */
export interface TransportStats {
  /** Envelopes queued (waiting, on the wire or waiting for a retry). */
  queueDepth: number;
  /** Most envelopes the queue holds. */
  queueCapacity: number;
  /** Bytes of the queued envelopes that the journal holds; 0 without a journal. */
  journalBytes: number;
  /** Whether what is queued survives a restart: there is a journal, and its last write held. */
  journalDurable: boolean;
  /** Until when each rate-limited category (or `all`) may not be sent, in seconds since the epoch. */
  rateLimitedUntil: Record<string, number>;
}

/** What a transport reports as it sends: one call per attempt. */
export interface DeliveryObserver {
  /** An attempt ended with `decision` (see sendOutcome) after `seconds` (on the wire, answered or not). */
  sent(decision: Decision, seconds: number): void;
}

/** What a transport hands over, read only when metrics are read: its queue, journal and rate limits as of now. */
export interface TransportState {
  entries: Iterable<{ bytes: number; journaled?: boolean }>;
  /** Most envelopes its queue holds. */
  capacity: number;
  /** Whether the journal keeps what it is given now; undefined without a journal. */
  durable: boolean | undefined;
  /** Until when each category (or `all`) is rate limited, on the clock of `now`. */
  limits: Record<string, number>;
  /** Now, in ms, on the clock the limits are kept on. */
  now: number;
}

/**
 * Handed to a transport factory (`TransportOptions.metrics`): each destination's transport registers once,
 * with a function that hands over its state, and gets the observer its attempts report to.
 */
export interface DeliveryMetrics {
  observe(destination: string, state: () => TransportState): DeliveryObserver;
}

/** One destination's counters as a client keeps them (read through getSdkMetrics). */
export interface DestinationCounters {
  sources: (() => TransportState)[];
  sent: Record<SendOutcome, number>;
  /** Attempts per duration bucket (SEND_DURATION_BUCKETS, then one past the last), not cumulative. */
  durations: number[];
  durationSum: number;
}

/**
 * The counters a client keeps (`Client.sdkMetrics`): plain data, bumped where the client decides; read with
 * `getSdkMetrics`, which works out the gauges from each transport's state only then.
 */
export interface SdkMetricsState {
  build: { version: string; runtime: string };
  captured: Record<string, number>;
  dropped: Record<string, Record<string, number>>;
  destinations: Record<string, DestinationCounters>;
}

/** A histogram as Prometheus keeps one: cumulative counts per upper bound (`le`), their sum and count. */
export interface HistogramSnapshot {
  buckets: { le: number; count: number }[];
  sum: number;
  count: number;
}

/** One destination's delivery: counters since start, gauges as of now. */
export interface DestinationMetrics extends TransportStats {
  envelopesSent: Record<SendOutcome, number>;
  /** Seconds per attempt. */
  sendDuration: HistogramSnapshot;
}

/**
 * The SDK's own counters and gauges as a plain object (what `getSdkMetrics()` returns); the Node package
 * serves the same as Prometheus metrics (`faultline_*`).
 */
export interface SdkMetrics {
  /** `faultline_build_info{version,runtime}`. */
  version: string;
  runtime: string;
  /** What was handed to the SDK while it was enabled, per category (`error`, `log_item`…). */
  eventsCaptured: Record<string, number>;
  /** What was lost, per client-report reason, then per category; each loss counted once. */
  eventsDropped: Record<string, Record<string, number>>;
  /** Per destination: `sentry` or `loki` (`other` for a custom destination), never a URL or a key. */
  destinations: Record<string, DestinationMetrics>;
}
