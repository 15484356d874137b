import { getCarrier } from '../carrier';
import type { Client } from '../client/types';
import { debugLogger } from '../debugLogger';
import { readSdkMetrics } from './readSdkMetrics';
import type { SdkMetrics } from './types';

/**
 * The SDK's own counters and gauges as a plain object: what was captured, what was dropped and why, and per
 * destination (`sentry`, `loki`) the attempts by outcome, their durations, the queue, the journal and the
 * rate limits. Undefined before `init` (or with `sdkMetrics: false`). Gauges are read now, from each
 * transport; nothing is computed per event. Never throws.
 *
 * @example
 * const { eventsDropped, destinations } = getSdkMetrics() ?? {};
 */
export function getSdkMetrics(client: Client | undefined = getCarrier().client): SdkMetrics | undefined {
  try {
    const state = client?.sdkMetrics;
    return state && readSdkMetrics(state);
  } catch (error) {
    debugLogger.error('Reading the SDK metrics failed', error);
    return undefined;
  }
}
