import type { DataCategory, DropReason } from '../types';
import { SEND_DURATION_BUCKETS } from './sendDurationBuckets';
import { sendOutcome } from './sendOutcome';
import type { DeliveryMetrics, DestinationCounters, SdkMetricsState } from './types';

/** A destination's label: its name when it is one Faultline ships, else `other` (never a URL or a key). */
const destinationLabel = (name: string): string => (name === 'sentry' || name === 'loki' ? name : 'other');

/**
 * A client's own counters: bumped where the client already decides (a capture, a drop, an attempt's outcome
 * and duration), with no allocation on the capture path. Only counting lives here; reading them
 * (readSdkMetrics, the transports' gauges) is left to `getSdkMetrics`, so a bundle that never reads them
 * does not carry that code. Everything lives on this object: a second client counts apart.
 */
export function createSdkMetrics(build: SdkMetricsState['build']) {
  const state: SdkMetricsState = { build, captured: { error: 0, log_item: 0 }, dropped: {}, destinations: {} };
  const delivery: DeliveryMetrics = {
    observe(name, source) {
      const destination: DestinationCounters = (state.destinations[destinationLabel(name)] ??= {
        sources: [],
        sent: { ok: 0, retry: 0, rejected: 0, rate_limited: 0 },
        durations: SEND_DURATION_BUCKETS.map(() => 0).concat(0),
        durationSum: 0,
      });
      destination.sources.push(source);
      return {
        sent(decision, seconds) {
          destination.sent[sendOutcome(decision)]++;
          if (!(seconds >= 0)) return; // NaN, or a clock that went backwards: not a duration
          let i = 0;
          while (i < SEND_DURATION_BUCKETS.length && seconds > SEND_DURATION_BUCKETS[i]!) i++;
          destination.durations[i]!++;
          destination.durationSum += seconds;
        },
      };
    },
  };
  return {
    state,
    delivery,
    captured(category: DataCategory): void {
      state.captured[category] = (state.captured[category] ?? 0) + 1;
    },
    dropped(reason: DropReason, category: DataCategory, quantity = 1): void {
      const byCategory = (state.dropped[reason] ??= {});
      byCategory[category] = (byCategory[category] ?? 0) + quantity;
    },
  };
}

export type SdkMetricsRecorder = ReturnType<typeof createSdkMetrics>;
