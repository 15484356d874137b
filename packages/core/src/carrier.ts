import type { Client } from './client/types';
import type { createLogPipeline } from './logs/createLogPipeline';
import { createStackStrategy, type AsyncContextStrategy } from './scope/asyncContext';
import { createScope, type Scope } from './scope/createScope';
import type { ClientSessions } from './sessions/types';
import type { Span } from './spans/types';

/** The one global the SDK keeps: the bound client, the global scope and the async-context strategy. */
export interface Carrier {
  client?: Client;
  globalScope: Scope;
  strategy: AsyncContextStrategy;
  debug: boolean;
  /** True while the SDK writes to the console itself. */
  loggingInternally?: boolean;
  /** Errors already captured by a path that may see them again (`captureErrors`, process handlers). */
  captured?: WeakSet<object>;
  /** Page- or process-wide patches already made, by name, with how to undo them; see `installOnce`. */
  installed?: Map<string, (() => void) | undefined>;
  /** How clients build their log pipeline; set by what sends logs (see `installLogPipeline`). */
  makeLogPipeline?: typeof createLogPipeline;
  /**
   * Work a bridge deferred that belongs before the next event (pino lines not yet made breadcrumbs);
   * each entry removes itself when it runs. See `runPendingWork`.
   */
  pendingWork?: Set<() => void>;
  /**
   * Starts a page's session at a time, for a client made whole (the browser's CDN file, `new BrowserClient`):
   * set by what carries the session model, so that the browser's entry, which only records the start, does not.
   */
  startPageSession?: (client: Client, time: number) => void;
  /** Each client's release-health sessions, made when first asked for (see `getSessionTracker`). */
  sessions?: WeakMap<Client, ClientSessions>;
  /** The span each span-made propagation context belongs to (see `getActiveSpan`); made on first use. */
  activeSpans?: WeakMap<object, Span>;
  /** Sentry features used that Faultline accepts and ignores, each noted once (see `noteInert`). */
  inertNoted?: Set<string>;
}

const CARRIER_KEY = '__FAULTLINE_CARRIER__';

/** Returns the carrier, creating it on first use (never at import time). */
export function getCarrier(): Carrier {
  const holder = globalThis as typeof globalThis & { [CARRIER_KEY]?: Carrier };
  return (holder[CARRIER_KEY] ??= { globalScope: createScope(), strategy: createStackStrategy(), debug: false });
}

/** Replaces how scopes follow async execution (Node installs AsyncLocalStorage here). */
export function setAsyncContextStrategy(strategy: AsyncContextStrategy | undefined): void {
  getCarrier().strategy = strategy ?? createStackStrategy();
}

/**
 * Runs the work bridges deferred (see `Carrier.pendingWork`) now: before an event is built, so a line
 * logged in the same tick is among its breadcrumbs, and before a flush. Never throws.
 */
export function runPendingWork(): void {
  const pending = getCarrier().pendingWork;
  if (!pending || pending.size === 0) return;
  for (const run of [...pending]) {
    pending.delete(run);
    try {
      run();
    } catch {
      // a bridge's failure must not cost the event being captured
    }
  }
}
