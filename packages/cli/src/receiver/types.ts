import type { Event } from '@faultline/core';

/** One group of events with the same fingerprint, as the page and the terminal show it. */
export interface Issue {
  id: string;
  title: string;
  level: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  /** The releases and environments its events carried, in the order first seen (at most 10 of each). */
  releases: string[];
  environments: string[];
  events: Event[];
}

/** A log line as the receiver keeps it, from a Sentry `log` item or a Loki push. */
export interface StoredLog {
  /** Milliseconds since the epoch (with a fraction: a Loki push carries nanoseconds). */
  timestamp: number;
  level: string;
  body: string;
  traceId?: string;
  requestId?: string;
  attributes: Record<string, unknown>;
  source: 'sentry' | 'loki';
  /** The service that logged it (`service.name`, or the Loki line's `service`), when known. */
  service?: string;
}

/**
 * A row of the logs view: one log record, with every way it arrived. A record the SDK sent both through
 * the DSN and to Loki is one row with both sources (see `logRecordKey`); `source` is the first to arrive.
 */
export interface LogRow extends StoredLog {
  sources: StoredLog['source'][];
}
