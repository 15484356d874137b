import type { Transport } from '../client/types';

/**
 * Sends each envelope to every transport (a Sentry DSN and Loki, say), each with its own queue, rate
 * limits and retries: one destination being down or limited never holds up another.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createMultiplexedTransport(transports: Transport[]): Transport {
  return {
    async send(envelope) {
      await Promise.all(transports.map((transport) => transport.send(envelope)));
      return {};
    },
    async handOff(deliver) {
      await Promise.all(transports.map((transport) => transport.handOff?.(deliver)));
    },
    async flush(timeout) {
      const results = await Promise.all(transports.map((transport) => transport.flush(timeout)));
      return results.every(Boolean);
    },
    persistSync() {
      for (const transport of transports) transport.persistSync?.();
    },
    async close(timeout) {
      const results = await Promise.all(
        transports.map((transport) => (transport.close ? transport.close(timeout) : transport.flush(timeout))),
      );
      return results.every(Boolean);
    },
  };
}
