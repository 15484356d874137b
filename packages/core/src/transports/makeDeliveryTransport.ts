import type { Transport, TransportFactory } from '../client/types';
import { createMultiplexedTransport } from './createMultiplexedTransport';
import { createSentryDestination } from './createSentryDestination';
import { createTransport } from './createTransport';
import type { DeliveryOptions, Destination, EnvelopeJournal, MakeRequest } from './types';

export interface DeliveryTransportOptions extends Omit<
  DeliveryOptions,
  'destination' | 'recordDroppedEvent' | 'journal'
> {
  /**
   * More destinations besides the DSN's, e.g. `createLokiDestination({ url })`. Passed in rather than
   * configured by name, so an app that does not use Loki does not ship its code.
   */
  destinations?: Destination[];
  /** A durable journal per destination (each destination keeps its own queue and journal). */
  createJournal?: (destination: Destination) => EnvelopeJournal | undefined;
}

/**
 * The transport factory platforms build from their request function: the Sentry destination when there
 * is a DSN or tunnel, plus any other destinations, each with its own queue, rate limits and retries.
 */
export function makeDeliveryTransport(
  makeRequest: MakeRequest,
  options: DeliveryTransportOptions = {},
): TransportFactory {
  return (transportOptions) => {
    const { destinations = [], createJournal, ...delivery } = options;
    const all = transportOptions.url
      ? [createSentryDestination({ url: transportOptions.url }), ...destinations]
      : destinations;
    const transports: Transport[] = all.map((destination) =>
      createTransport(
        {
          ...delivery,
          destination,
          recordDroppedEvent: transportOptions.recordDroppedEvent,
          metrics: transportOptions.metrics,
          journal: createJournal?.(destination),
        },
        makeRequest,
      ),
    );
    return transports.length === 1 ? transports[0]! : createMultiplexedTransport(transports);
  };
}
