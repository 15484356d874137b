const KEY = Symbol.for('faultline.node.installed');

/**
 * Runs `install` once per process for `name`: channel subscriptions and process listeners are
 * process-wide, so a second `init` (tests, hot reload) must not add a second copy. The hooks read the
 * current client when they fire.
 */
export function installOnce(name: string, install: () => void): void {
  const holder = globalThis as { [KEY]?: Set<string> };
  const installed = (holder[KEY] ??= new Set());
  if (installed.has(name)) return;
  installed.add(name);
  install();
}
