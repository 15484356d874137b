import { setAsyncContextStrategy, type Client, type Integration } from '@faultline/core';
import { createAsyncLocalStorageStrategy } from '../createAsyncLocalStorageStrategy';
import { getDefaultIntegrations } from '../getDefaultIntegrations';
import { init } from '../init';
import { appRoot, moduleFromFilename } from '../moduleFromFilename';
import type { NodeOptions } from '../nodeOptions';

/** Sentry's `initWithoutDefaultIntegrations(options)`: `init` running only the integrations given. */
export function initWithoutDefaultIntegrations(options: NodeOptions = {}): Client {
  const given = options.integrations;
  return init({ ...options, integrations: () => (typeof given === 'function' ? given([]) : (given ?? [])) });
}

/** Sentry's defaults without its span integrations: Faultline's defaults (it has no span integrations). */
export function getDefaultIntegrationsWithoutPerformance(): Integration[] {
  return getDefaultIntegrations();
}

/** Makes scopes follow async execution with AsyncLocalStorage (`init` does this already). */
export function setNodeAsyncContextStrategy(): void {
  setAsyncContextStrategy(createAsyncLocalStorageStrategy());
}

/** Sentry's module-name function for frames: `express.lib.router:index`, `routes:users`. */
export function createGetModuleFromFilename(basePath: string = appRoot(), _isWindows?: boolean) {
  return (filename: string | undefined): string | undefined =>
    filename ? moduleFromFilename(filename, basePath) : undefined;
}

/** A fetch `Headers` (or any `forEach`-able headers) as a plain object of lower-case names. */
export function winterCGHeadersToDict(
  headers: { forEach(callback: (value: string, key: string) => void): void } | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    headers?.forEach((value, key) => {
      if (typeof value === 'string') out[key] = value;
    });
  } catch {
    // headers that cannot be read give an empty object
  }
  return out;
}
