import { transportStats } from '../transports/transportStats';
import { DROP_REASONS } from './dropReasons';
import { SEND_DURATION_BUCKETS } from './sendDurationBuckets';
import type { DestinationCounters, DestinationMetrics, HistogramSnapshot, SdkMetrics, SdkMetricsState } from './types';

/** The categories a client captures itself: their series exist from the start. */
const CAPTURED = ['error', 'log_item'];

/** Prometheus's cumulative counts per finite bound; `count` is the `+Inf` bucket. */
function histogram(destination: DestinationCounters): HistogramSnapshot {
  let cumulative = 0;
  const buckets = SEND_DURATION_BUCKETS.map((le, i) => ({ le, count: (cumulative += destination.durations[i]!) }));
  return { buckets, sum: destination.durationSum, count: cumulative + destination.durations.at(-1)! };
}

/** One label's counters, and the gauges of the transports behind it (two Loki destinations, say) summed. */
function readDestination(destination: DestinationCounters, wallNow: number): DestinationMetrics {
  const read: DestinationMetrics = {
    envelopesSent: { ...destination.sent },
    sendDuration: histogram(destination),
    queueDepth: 0,
    queueCapacity: 0,
    journalBytes: 0,
    journalDurable: true,
    rateLimitedUntil: {},
  };
  for (const source of destination.sources) {
    const stats = transportStats(source(), wallNow);
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
 * A snapshot of a client's counters (copies: reading again later does not change it), every captured
 * category and drop reason from 0 so each series exists before it moves, and each transport's gauges as of
 * now (one pass over its queue).
 */
export function readSdkMetrics(state: SdkMetricsState, wallNow = Date.now()): SdkMetrics {
  const zero = () => Object.fromEntries(CAPTURED.map((category) => [category, 0]));
  const eventsDropped: SdkMetrics['eventsDropped'] = {};
  for (const reason in DROP_REASONS) eventsDropped[reason] = zero();
  for (const [reason, byCategory] of Object.entries(state.dropped)) {
    eventsDropped[reason] = { ...(eventsDropped[reason] ?? {}), ...byCategory };
  }
  const destinations: SdkMetrics['destinations'] = {};
  for (const [label, destination] of Object.entries(state.destinations)) {
    destinations[label] = readDestination(destination, wallNow);
  }
  return { ...state.build, eventsCaptured: { ...zero(), ...state.captured }, eventsDropped, destinations };
}
