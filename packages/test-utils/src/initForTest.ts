import { getCarrier, init, setAsyncContextStrategy } from '@faultline/core';
import type { Client, CoreOptions } from '@faultline/core';
import { createTestTransport, type TestTransportRecord } from './createTestTransport';

/**
 * Resets the global carrier (scopes, client) and starts core with an in-memory transport, so each test
 * begins from a clean SDK. Returns the client and what it sends.
 */
export function initForTest(options: CoreOptions = {}): { client: Client; record: TestTransportRecord } {
  resetCarrier();
  const { transport, record } = createTestTransport();
  const client = init({ dsn: 'https://public@o1.ingest.example.com/42', transport, ...options });
  return { client, record };
}

/** Forgets the bound client and every scope. */
export function resetCarrier(): void {
  const carrier = getCarrier();
  carrier.client = undefined;
  carrier.globalScope.clear();
  carrier.globalScope.setPropagationContext(undefined);
  setAsyncContextStrategy(undefined);
}
