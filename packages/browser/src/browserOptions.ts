import { CORE_OPTION_CHECKS, type CoreOptions, type OptionCheck } from '@faultline/core';
import type { FetchTransportOptions } from './transports/makeFetchTransport';

/** Options of `@faultline/browser`'s `init`: the core ones plus where and how to deliver. */
export interface BrowserOptions extends CoreOptions {
  /**
   * Tuning for the default fetch transport: queue limits, retries, `offlineQueue: false` to keep the
   * queue in memory instead of IndexedDB, and more `destinations`, e.g.
   * `[createLokiDestination({ url: '/loki-tunnel' })]` (browsers reach Loki through a same-origin tunnel).
   */
  delivery?: FetchTransportOptions;
}

export const BROWSER_OPTION_CHECKS: Record<string, OptionCheck> = {
  ...CORE_OPTION_CHECKS,
  delivery: (value) => (typeof value === 'object' && value !== null ? undefined : 'expected an object'),
};
