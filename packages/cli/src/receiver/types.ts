import type { Event } from '@faultline/core';

/** One group of events with the same fingerprint, as the page and the terminal show it. */
export interface Issue {
  id: string;
  title: string;
  level: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  events: Event[];
}

/** A log line as the receiver keeps it, from a Sentry `log` item or a Loki push. */
export interface StoredLog {
  timestamp: number;
  level: string;
  body: string;
  traceId?: string;
  requestId?: string;
  attributes: Record<string, unknown>;
  source: 'sentry' | 'loki';
}
