import { debugLogger } from '../debugLogger';
import { installOnce } from '../installOnce';
import type { Client, Integration } from './types';

/**
 * Sets up integrations on a client, as Sentry's client does: each one's `setupOnce` (once per process for
 * its name), its `setup`, then every `afterAllSetup`. A hook that throws is logged and skipped.
 */
export function setupIntegrations(client: Client, integrations: Integration[]): void {
  for (const step of ['setup', 'afterAllSetup'] as const) {
    for (const integration of integrations) {
      try {
        if (step === 'setup' && integration.setupOnce) {
          installOnce(`setupOnce:${integration.name}`, () => void integration.setupOnce!());
        }
        integration[step]?.(client);
      } catch (error) {
        debugLogger.error(`Integration ${integration.name} failed to set up`, error);
      }
    }
  }
}
