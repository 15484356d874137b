import {
  makeDeliveryTransport,
  type DeliveryTransportOptions,
  type MakeRequest,
  type Transport,
  type TransportFactory,
  type TransportOptions,
} from '@faultline/core';
import { fetchBeneathWrappers } from '../fetchBeneathWrappers';
import { createIndexedDbJournal } from './createIndexedDbJournal';
import { markDestinationHealth } from './destinationFailing';
import { readBodyExcerpt } from './readBodyExcerpt';

export interface FetchTransportOptions extends DeliveryTransportOptions {
  /**
   * Journal the queue in IndexedDB, so what could not be sent survives a reload and goes out on a later
   * page load (adopted by exactly one tab). Default true; false keeps it in this page's memory only.
   */
  offlineQueue?: boolean;
}

// Browsers cap the bodies of all in-flight keepalive requests at 64 KiB together; stay under it.
const KEEPALIVE_BUDGET_BYTES = 60 * 1024;

/**
 * Delivery over `fetch`: `keepalive` while the page's budget allows (so a request survives navigation),
 * plain fetch beyond it. Uses the `fetch` of the moment the transport is made, beneath the SDK's own
 * wrappers (the pipeline, and with it the transport, arrives after the integrations wrapped `fetch`), so
 * the SDK never records or traces its own traffic and pays nothing for those wrappers per request. The
 * queue is journaled in IndexedDB unless `offlineQueue: false`, and is retried at once when the browser
 * comes back online or the page is shown.
 */
export function makeFetchTransport(options: TransportOptions): Transport;
export function makeFetchTransport(options?: FetchTransportOptions): TransportFactory;
export function makeFetchTransport(
  options: FetchTransportOptions | TransportOptions = {},
): TransportFactory | Transport {
  // `transport: makeFetchTransport`, as Sentry's docs write it: called as the factory itself.
  if ('recordDroppedEvent' in options) return makeFetchTransport()(options);
  const { offlineQueue = true, ...delivery } = options;
  // Remembered for a later page that goes away before its pipeline arrived (entry/beaconEarlyRecords).
  const onHealthChange = delivery.onHealthChange;
  delivery.onHealthChange = (destination, healthy) => {
    markDestinationHealth(destination.url, healthy);
    onHealthChange?.(destination, healthy);
  };
  if (offlineQueue && !delivery.createJournal) {
    delivery.createJournal = (destination) =>
      createIndexedDbJournal({ database: `faultline-queue ${destination.url}` });
  }
  return (transportOptions) => {
    const nativeFetch = fetchBeneathWrappers(globalThis.fetch).bind(globalThis);
    let keepaliveBytes = 0;
    const makeRequest: MakeRequest = async ({ url, headers, body, signal }) => {
      const size = typeof body === 'string' ? body.length : body.byteLength;
      const keepalive = keepaliveBytes + size <= KEEPALIVE_BUDGET_BYTES;
      if (keepalive) keepaliveBytes += size;
      try {
        const response = await nativeFetch(url, {
          method: 'POST',
          headers,
          body: body as BodyInit,
          keepalive,
          signal: signal as AbortSignal | undefined,
          referrerPolicy: 'strict-origin',
        });
        return {
          statusCode: response.status,
          headers: {
            'retry-after': response.headers.get('Retry-After'),
            'x-sentry-rate-limits': response.headers.get('X-Sentry-Rate-Limits'),
          },
          // A refusal's reason, quoted in the sentence it gets.
          body: response.ok ? undefined : await readBodyExcerpt(response),
        };
      } finally {
        if (keepalive) keepaliveBytes -= size;
      }
    };
    return retryWhenBack(makeDeliveryTransport(makeRequest, delivery)(transportOptions));
  };
}

/**
 * Tries the queue at once when the network returns or the page is shown again, instead of after backoff;
 * `close` removes these listeners with the rest of the transport.
 */
function retryWhenBack(transport: Transport): Transport {
  if (typeof addEventListener !== 'function' || typeof document === 'undefined') return transport;
  const retry = (): void => void transport.flush(0);
  const shown = (): void => {
    if (document.visibilityState === 'visible') retry();
  };
  addEventListener('online', retry);
  document.addEventListener('visibilitychange', shown);
  return {
    ...transport,
    close(timeout) {
      removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', shown);
      return transport.close ? transport.close(timeout) : transport.flush(timeout);
    },
  };
}
