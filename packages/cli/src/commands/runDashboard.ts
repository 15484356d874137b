import { existsSync, readFileSync } from 'node:fs';
import type { CommandOutcome } from './types';

/**
 * Where the CLI package keeps the Grafana dashboard it ships: `dashboards/faultline.json` at its root, three
 * folders above this module in `build/esm/commands` and `build/cjs/commands`, two above it in `src/commands`.
 */
const dashboardUrl = (): URL =>
  [
    new URL('../../../dashboards/faultline.json', import.meta.url),
    new URL('../../dashboards/faultline.json', import.meta.url),
  ].find((url) => existsSync(url)) ?? new URL('../../../dashboards/faultline.json', import.meta.url);

/**
 * `faultline dashboard`: prints the Grafana dashboard for what Faultline sends to Loki and the SDK's own
 * Prometheus metrics, as JSON to import (Dashboards › New › Import, or a provisioning folder).
 */
export function runDashboard(write: (text: string) => void, fail: (text: string) => void): CommandOutcome {
  let text: string;
  try {
    text = readFileSync(dashboardUrl(), 'utf8');
    JSON.parse(text);
  } catch (error) {
    fail(`faultline dashboard: cannot read the dashboard shipped with the CLI (${(error as Error).message})`);
    return 1;
  }
  write(text);
  return 0;
}
