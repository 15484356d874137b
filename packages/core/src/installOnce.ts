import { getCarrier } from './carrier';

/**
 * Runs `install` once per page or process for `name`: patches of console, fetch and XHR, channel
 * subscriptions and process listeners are global, so a second `init` (hot reload, tests, a second app on
 * the page) must not wrap them again. The patches read the current client when they fire.
 */
export function installOnce(name: string, install: () => void): void {
  const installed = (getCarrier().installed ??= new Set());
  if (installed.has(name)) return;
  installed.add(name);
  install();
}
