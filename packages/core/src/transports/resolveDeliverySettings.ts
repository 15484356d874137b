import { createSentryDestination } from './createSentryDestination';
import { systemClock } from './systemClock';
import type { DeliveryOptions, Destination, QueueLimits, SentryTransportOptions } from './types';

/**
 * createTransport's options with their defaults: ours (`DeliveryOptions`) or Sentry's transport options
 * (`{ url, recordDroppedEvent, bufferSize, headers }`), which a custom transport for `@sentry/core` passes.
 */
export function resolveDeliverySettings(options: DeliveryOptions | SentryTransportOptions, defaults: QueueLimits) {
  const delivery = options as Partial<DeliveryOptions> & Pick<DeliveryOptions, 'recordDroppedEvent'>;
  const sentry = options as SentryTransportOptions;
  const destination: Destination =
    delivery.destination ?? createSentryDestination({ url: sentry.url ?? '', headers: sentry.headers });
  const limits: QueueLimits = {
    ...defaults,
    ...(sentry.bufferSize ? { maxEntries: sentry.bufferSize } : {}),
    ...delivery.queue,
  };
  return {
    destination,
    recordDroppedEvent: delivery.recordDroppedEvent,
    journal: delivery.journal,
    metrics: delivery.metrics,
    limits,
    concurrency: delivery.concurrency ?? 32,
    maxAttempts: delivery.maxAttempts ?? 8,
    retryBaseMs: delivery.retryBaseMs ?? 1000,
    retryMaxMs: delivery.retryMaxMs ?? 60_000,
    probeMaxMs: delivery.probeMaxMs ?? 10_000,
    requestTimeoutMs: delivery.requestTimeoutMs ?? 30_000,
    // Every delay is on clock.now() (monotonic); clock.wall() only for sent_at and ages read from disk.
    clock: delivery.clock ?? systemClock,
    onHealthChange: delivery.onHealthChange,
  };
}
