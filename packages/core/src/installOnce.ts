import { getCarrier } from './carrier';

/**
 * Runs `install` once per page or process for `name`: patches of console, fetch and XHR, channel
 * subscriptions and process listeners are global, so a second `init` (hot reload, tests, a second app on
 * the page) must not wrap them again. The patches read the current client when they fire. `install` may
 * return how to undo it; `close()` of the current client does.
 */
export function installOnce(name: string, install: () => (() => void) | void): void {
  const installed = (getCarrier().installed ??= new Map());
  if (installed.has(name)) return;
  installed.set(name, install() ?? undefined);
}

/** Undoes every installation that said how (listeners come off); the others stay, inert without a client. */
export function uninstallAll(): void {
  const installed = getCarrier().installed;
  if (!installed) return;
  for (const [name, uninstall] of installed) {
    if (!uninstall) continue;
    installed.delete(name);
    try {
      uninstall();
    } catch {
      // a listener already gone: nothing left to undo
    }
  }
}
