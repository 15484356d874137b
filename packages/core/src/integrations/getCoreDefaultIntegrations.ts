import { dedupeIntegration } from './dedupeIntegration';
import { eventFiltersIntegration } from './eventFiltersIntegration';

/**
 * The integrations every platform starts with. In a file of its own, not `init.ts`: a browser page's entry
 * lists them without bringing `initAndBind` (and all it imports) onto its critical path.
 */
export function getCoreDefaultIntegrations() {
  return [dedupeIntegration(), eventFiltersIntegration()];
}
