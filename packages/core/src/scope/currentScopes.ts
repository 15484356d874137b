import { getCarrier } from '../carrier';
import type { Client } from '../client/types';
import type { Scope } from './createScope';

/** The scope of the current `withScope` block (or the root one). */
export function getCurrentScope(): Scope {
  return getCarrier().strategy.getScopes().scope;
}

/** The scope of the current request or page. Top-level setters (`setTag`, `setUser`, …) write here. */
export function getIsolationScope(): Scope {
  return getCarrier().strategy.getScopes().isolationScope;
}

/** The scope whose data applies to every event. */
export function getGlobalScope(): Scope {
  return getCarrier().globalScope;
}

/** The client bound by `init()`, if any. */
export function getClient<C extends Client = Client>(): C | undefined {
  return getCarrier().client as C | undefined;
}

/** Runs `callback` with a fork of the current scope; changes to it do not outlive the callback. */
export function withScope<T>(callback: (scope: Scope) => T): T {
  const { strategy } = getCarrier();
  const active = strategy.getScopes();
  const scope = active.scope.clone();
  return strategy.runWith({ scope, isolationScope: active.isolationScope }, () => callback(scope));
}

/** Runs `callback` with a fork of the isolation scope (and of the current scope), as for one request. */
export function withIsolationScope<T>(callback: (isolationScope: Scope) => T): T {
  const { strategy } = getCarrier();
  const active = strategy.getScopes();
  const isolationScope = active.isolationScope.clone();
  return strategy.runWith({ scope: active.scope.clone(), isolationScope }, () => callback(isolationScope));
}
