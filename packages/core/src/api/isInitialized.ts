import { getCarrier } from '../carrier';

/** Whether `init` has bound a client (even a disabled one), as Sentry's `isInitialized`. */
export function isInitialized(): boolean {
  return getCarrier().client !== undefined;
}

/** Whether the bound client sends: `init` ran with a usable DSN (or transport) and `enabled` is not false. */
export function isEnabled(): boolean {
  const client = getCarrier().client;
  return Boolean(client?.isEnabled() && client.getTransport());
}
