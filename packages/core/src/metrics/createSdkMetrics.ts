import type { DataCategory, DropReason } from '../types';
import { createDurationHistogram } from './createDurationHistogram';
import { DROP_REASONS } from './dropReasons';
import type { DeliveryMetrics, DestinationMetrics, SdkMetrics, SendOutcome, TransportStats } from './types';

/** The categories a client captures itself: their counters exist from the start. */
const CAPTURED = ['error', 'log_item'];

/** A destination's label: its name when it is one Faultline ships, else `other` (never a URL or a key). */
const destinationLabel = (name: string): string => (name === 'sentry' || name === 'loki' ? name : 'other');

function createDestination() {
  const sent: Record<SendOutcome, number> = { ok: 0, retry: 0, rejected: 0, rate_limited: 0 };
  const duration = createDurationHistogram();
  return {
    sources: [] as (() => TransportStats)[],
    sent,
    duration,
    observer: {
      sent(outcome: SendOutcome, seconds: number): void {
        sent[outcome]++;
        duration.observe(seconds);
      },
    },
  };
}

/** Sums the gauges of the transports behind one label (two Loki destinations, say). */
function readDestination(destination: ReturnType<typeof createDestination>): DestinationMetrics {
  const read: DestinationMetrics = {
    envelopesSent: { ...destination.sent },
    sendDuration: destination.duration.read(),
    queueDepth: 0,
    queueCapacity: 0,
    journalBytes: 0,
    journalDurable: true,
    rateLimitedUntil: {},
  };
  for (const source of destination.sources) {
    const stats = source();
    read.queueDepth += stats.queueDepth;
    read.queueCapacity += stats.queueCapacity;
    read.journalBytes += stats.journalBytes;
    read.journalDurable &&= stats.journalDurable;
    for (const [category, until] of Object.entries(stats.rateLimitedUntil)) {
      read.rateLimitedUntil[category] = Math.max(read.rateLimitedUntil[category] ?? 0, until);
    }
  }
  return read;
}

/**
 * A client's own metrics: counters bumped where the client already decides (a capture, a drop, an
 * attempt's outcome), with no allocation on the capture path, and gauges read from each transport only
 * when `read` is called. Everything lives on this object: a second client counts apart.
 */
export function createSdkMetrics(build: { version: string; runtime: string }) {
  const captured: Record<string, number> = {};
  for (const category of CAPTURED) captured[category] = 0;
  const dropped: Record<string, Record<string, number>> = {};
  for (const reason in DROP_REASONS) dropped[reason] = Object.fromEntries(CAPTURED.map((c) => [c, 0]));
  const destinations = new Map<string, ReturnType<typeof createDestination>>();

  const delivery: DeliveryMetrics = {
    observe(name, stats) {
      const label = destinationLabel(name);
      let destination = destinations.get(label);
      if (!destination) destinations.set(label, (destination = createDestination()));
      destination.sources.push(stats);
      return destination.observer;
    },
  };
  return {
    captured(category: DataCategory): void {
      captured[category] = (captured[category] ?? 0) + 1;
    },
    dropped(reason: DropReason, category: DataCategory, quantity = 1): void {
      const byCategory = (dropped[reason] ??= {});
      byCategory[category] = (byCategory[category] ?? 0) + quantity;
    },
    delivery,
    /** A snapshot: copies of the counters, and each transport's gauges as of now. */
    read(): SdkMetrics {
      const eventsDropped: SdkMetrics['eventsDropped'] = {};
      for (const reason in dropped) eventsDropped[reason] = { ...dropped[reason] };
      const read: SdkMetrics['destinations'] = {};
      for (const [label, destination] of destinations) read[label] = readDestination(destination);
      return { ...build, eventsCaptured: { ...captured }, eventsDropped, destinations: read };
    },
  };
}

export type SdkMetricsRecorder = ReturnType<typeof createSdkMetrics>;
