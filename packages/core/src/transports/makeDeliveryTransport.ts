import type { Transport, TransportFactory } from '../client/types';
import { createLokiDestination, type LokiOptions } from '../loki/createLokiDestination';
import { createMultiplexedTransport } from './createMultiplexedTransport';
import { createSentryDestination } from './createSentryDestination';
import { createTransport } from './createTransport';
import type { DeliveryOptions, EnvelopeStore, MakeRequest } from './types';

export interface DeliveryTransportOptions extends Omit<
  DeliveryOptions,
  'destination' | 'recordDroppedEvent' | 'store'
> {
  /** Also (or only) push to Grafana Loki. */
  loki?: LokiOptions;
  /** A durable store per destination (each destination keeps its own queue). */
  createStore?: (destination: 'sentry' | 'loki') => EnvelopeStore | undefined;
}

/**
 * The transport factory platforms build from their request function: the Sentry destination when there
 * is a DSN or tunnel, a Loki destination when `loki` is set, each with its own queue, limits and retries.
 */
export function makeDeliveryTransport(
  makeRequest: MakeRequest,
  options: DeliveryTransportOptions = {},
): TransportFactory {
  return (transportOptions) => {
    const { loki, createStore, ...delivery } = options;
    const transports: Transport[] = [];
    const shared = { ...delivery, recordDroppedEvent: transportOptions.recordDroppedEvent };
    if (transportOptions.url) {
      const destination = createSentryDestination({ url: transportOptions.url });
      transports.push(createTransport({ ...shared, destination, store: createStore?.('sentry') }, makeRequest));
    }
    if (loki) {
      const destination = createLokiDestination(loki);
      transports.push(createTransport({ ...shared, destination, store: createStore?.('loki') }, makeRequest));
    }
    return transports.length === 1 ? transports[0]! : createMultiplexedTransport(transports);
  };
}
