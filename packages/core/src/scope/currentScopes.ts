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

/**
 * Runs `callback` with a fork of the current scope; changes to it do not outlive the callback. Sentry's
 * two-argument form, `withScope(scope, callback)`, runs it with that scope itself as the current one.
 */
export function withScope<T>(callback: (scope: Scope) => T): T;
export function withScope<T>(scope: Scope | undefined, callback: (scope: Scope) => T): T;
export function withScope<T>(...args: [(scope: Scope) => T] | [Scope | undefined, (scope: Scope) => T]): T {
  const { strategy } = getCarrier();
  const active = strategy.getScopes();
  const [given, callback] = args.length === 2 ? args : [undefined, args[0]];
  const scope = given ?? active.scope.clone();
  return strategy.runWith({ scope, isolationScope: active.isolationScope }, () => callback(scope));
}

/**
 * Runs `callback` with a fork of the isolation scope (and of the current scope), as for one request.
 * Sentry's two-argument form, `withIsolationScope(isolationScope, callback)`, uses that isolation scope.
 */
export function withIsolationScope<T>(callback: (isolationScope: Scope) => T): T;
export function withIsolationScope<T>(isolationScope: Scope | undefined, callback: (isolationScope: Scope) => T): T;
export function withIsolationScope<T>(
  ...args: [(isolationScope: Scope) => T] | [Scope | undefined, (isolationScope: Scope) => T]
): T {
  const { strategy } = getCarrier();
  const active = strategy.getScopes();
  const [given, callback] = args.length === 2 ? args : [undefined, args[0]];
  const isolationScope = given ?? active.isolationScope.clone();
  return strategy.runWith({ scope: active.scope.clone(), isolationScope }, () => callback(isolationScope));
}
