import { getCarrier } from '../carrier';
import { debugLogger } from '../debugLogger';
import type { Scope } from '../scope/createScope';
import type { Breadcrumb, Primitive, User } from '../types';

/** Applies `change` to the isolation scope (the current request or page), only once `init` ran. */
function onIsolationScope(what: string, change: (scope: Scope) => void): void {
  try {
    const carrier = getCarrier();
    if (!carrier.client) return;
    change(carrier.strategy.getScopes().isolationScope);
  } catch (error) {
    debugLogger.error(`${what} failed`, error);
  }
}

/** Records a breadcrumb on the current request's or page's trail. Never throws. */
export function addBreadcrumb(breadcrumb: Breadcrumb, hint?: Record<string, unknown>): void {
  try {
    getCarrier().client?.addBreadcrumb(breadcrumb, hint);
  } catch (error) {
    debugLogger.error('addBreadcrumb failed', error);
  }
}

/** Sets the user for later events (undefined clears it). */
export function setUser(user: User | undefined): void {
  onIsolationScope('setUser', (scope) => scope.setUser(user));
}

/** Sets one tag (a short, searchable value) for later events. */
export function setTag(key: string, value: Primitive): void {
  onIsolationScope('setTag', (scope) => scope.setTag(key, value));
}

/** Sets several tags for later events. */
export function setTags(tags: Record<string, Primitive>): void {
  onIsolationScope('setTags', (scope) => scope.setTags(tags));
}

/** Sets a named context (structured data shown with the event); undefined removes it. */
export function setContext(name: string, context: Record<string, unknown> | undefined): void {
  onIsolationScope('setContext', (scope) => scope.setContext(name, context));
}

/** Sets one piece of arbitrary extra data for later events. */
export function setExtra(key: string, value: unknown): void {
  onIsolationScope('setExtra', (scope) => scope.setExtra(key, value));
}

/** Sets several pieces of extra data for later events. */
export function setExtras(extras: Record<string, unknown>): void {
  onIsolationScope('setExtras', (scope) => scope.setExtras(extras));
}

/** Attributes every later log of this request or page carries (Sentry's `setAttributes`). */
export function setAttributes(attributes: Record<string, unknown>): void {
  onIsolationScope('setAttributes', (scope) => scope.setAttributes(attributes));
}

/** One attribute every later log of this request or page carries. */
export function setAttribute(key: string, value: unknown): void {
  onIsolationScope('setAttribute', (scope) => scope.setAttribute(key, value));
}
