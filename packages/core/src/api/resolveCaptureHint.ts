import { getCarrier } from '../carrier';
import type { Scope } from '../scope/createScope';
import type { CaptureContext, EventHint } from '../types';

/** Changes the scope of one capture, as Sentry's callback form does: `(scope) => scope.setTag('a', 'b')`. */
export type CaptureContextCallback = (scope: Scope) => Scope | void;

/**
 * The second argument of `captureException` (and `captureEvent`): per-capture context
 * (`{ tags, extra, user, level, fingerprint, contexts }`), an event hint (`{ data, event_id, mechanism,
 * captureContext }`), both mixed, a scope callback, or a scope to use instead of the current one.
 */
export type CaptureHint =
  | (CaptureContext & EventHint & { captureContext?: CaptureContext | CaptureContextCallback | Scope })
  | CaptureContextCallback
  | Scope;

const CONTEXT_KEYS = ['user', 'level', 'tags', 'extra', 'contexts', 'fingerprint'] as const;

/** Splits a `CaptureHint` into the event hint and the scope the event is captured with (undefined: the current). */
export function resolveCaptureHint(value: CaptureHint | undefined): { hint: EventHint; scope?: Scope } {
  if (value === undefined || value === null) return { hint: {} };
  if (typeof value === 'function') return { hint: {}, scope: withCallback(value) };
  if (isScope(value)) return { hint: {}, scope: value };
  const { event_id, data, mechanism, syntheticException, originalException, captureContext } = value;
  const hint: EventHint = { event_id, data, mechanism, syntheticException, originalException };
  for (const key of Object.keys(hint) as (keyof EventHint)[]) if (hint[key] === undefined) delete hint[key];
  let scope: Scope | undefined;
  if (CONTEXT_KEYS.some((key) => value[key] !== undefined)) scope = applyContextData(forkCurrent(), value);
  if (captureContext !== undefined) {
    if (typeof captureContext === 'function') scope = withCallback(captureContext, scope);
    else if (isScope(captureContext)) scope = captureContext;
    else scope = applyContextData(scope ?? forkCurrent(), captureContext);
  }
  return { hint, scope };
}

function forkCurrent(): Scope {
  return getCarrier().strategy.getScopes().scope.clone();
}

function withCallback(callback: CaptureContextCallback, base?: Scope): Scope {
  const scope = base ?? forkCurrent();
  const returned = callback(scope);
  return returned && isScope(returned) ? returned : scope;
}

/** Applies a capture context (an object or a scope callback) to `scope`; returns the scope to use. */
export function applyCaptureContext(scope: Scope, context: CaptureContext | CaptureContextCallback): Scope {
  return typeof context === 'function' ? withCallback(context, scope) : applyContextData(scope, context);
}

function isScope(value: unknown): value is Scope {
  return typeof (value as Partial<Scope> | null)?.getScopeData === 'function';
}

/** Applies a capture context's fields (`{ user, level, tags, extra, fingerprint, contexts }`) to `scope`. */
function applyContextData<S extends Scope>(scope: S, context: CaptureContext): S {
  if (context.user) scope.setUser(context.user);
  if (context.level) scope.setLevel(context.level);
  if (context.tags) scope.setTags(context.tags);
  if (context.extra) scope.setExtras(context.extra);
  if (context.fingerprint) scope.setFingerprint(context.fingerprint);
  for (const [name, value] of Object.entries(context.contexts ?? {})) scope.setContext(name, value);
  return scope;
}
