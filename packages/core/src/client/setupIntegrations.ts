import { debugLogger } from '../debugLogger';
import { installOnce } from '../installOnce';
import type { Client, Integration } from './types';

/**
 * Sets up integrations on a client, as Sentry's client does: each one's `setupOnce` (once per process for
 * its name), its `setup`, then every `afterAllSetup`. A hook that throws is logged and skipped.
 */
export function setupIntegrations(client: Client, integrations: Integration[]): void {
  for (const integration of integrations) {
    guard(integration, () => {
      if (integration.setupOnce) installOnce(`setupOnce:${integration.name}`, () => void integration.setupOnce!());
      integration.setup?.(client);
    });
  }
  for (const integration of integrations) guard(integration, () => integration.afterAllSetup?.(client));
}

function guard(integration: Integration, run: () => void): void {
  try {
    run();
  } catch (error) {
    debugLogger.error(`Integration ${integration.name} failed to set up`, error);
  }
}
