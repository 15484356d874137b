import { getCarrier } from '../carrier';
import type { Client, Integration } from '../client/types';
import { debugLogger } from '../debugLogger';
import type { EventProcessor } from '../scope/createScope';

/** Adds an integration to the bound client after `init` (lazy-loaded ones, say). A no-op before `init`. */
export function addIntegration(integration: Integration): void {
  const client = getCarrier().client;
  if (!client) return debugLogger.log(`Cannot add integration ${integration?.name}: no client (call init first)`);
  client.addIntegration(integration);
}

/** Makes `client` the one every top-level function uses (Sentry's manual set-up; `init` does this). */
export function setCurrentClient(client: Client): void {
  getCarrier().client = client;
}

/**
 * Runs `processor` on every event captured in the current isolation scope (the whole page, or this
 * request), after the integrations' `processEvent`; returning `null` drops the event.
 */
export function addEventProcessor(processor: EventProcessor): void {
  getCarrier().strategy.getScopes().isolationScope.addEventProcessor(processor);
}
