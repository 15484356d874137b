import type { Client } from './client/types';
import type { createLogPipeline } from './logs/createLogPipeline';
import { createStackStrategy, type AsyncContextStrategy } from './scope/asyncContext';
import { createScope, type Scope } from './scope/createScope';

/** The one global the SDK keeps: the bound client, the global scope and the async-context strategy. */
export interface Carrier {
  client?: Client;
  globalScope: Scope;
  strategy: AsyncContextStrategy;
  debug: boolean;
  /** True while the SDK writes to the console itself. */
  loggingInternally?: boolean;
  /** Names of page- or process-wide patches already made; see `installOnce`. */
  installed?: Set<string>;
  /** How clients build their log pipeline; set by what sends logs (see `installLogPipeline`). */
  makeLogPipeline?: typeof createLogPipeline;
}

const KEY = '__FAULTLINE_CARRIER__';

/** Returns the carrier, creating it on first use (never at import time). */
export function getCarrier(): Carrier {
  const holder = globalThis as typeof globalThis & { [KEY]?: Carrier };
  return (holder[KEY] ??= { globalScope: createScope(), strategy: createStackStrategy(), debug: false });
}

/** Replaces how scopes follow async execution (Node installs AsyncLocalStorage here). */
export function setAsyncContextStrategy(strategy: AsyncContextStrategy | undefined): void {
  getCarrier().strategy = strategy ?? createStackStrategy();
}
