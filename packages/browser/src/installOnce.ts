const KEY = Symbol.for('faultline.browser.installed');

/**
 * Runs `install` once per page for `name`: patches of console, fetch, XHR and history are page-wide, so a
 * second `init` (hot reload, a second app on the page) must not wrap them again. They read the current
 * client when they fire.
 */
export function installOnce(name: string, install: () => void): void {
  const holder = globalThis as { [KEY]?: Set<string> };
  const installed = (holder[KEY] ??= new Set());
  if (installed.has(name)) return;
  installed.add(name);
  install();
}
