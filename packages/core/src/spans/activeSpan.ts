import { getCarrier } from '../carrier';
import type { Scope } from '../scope/createScope';
import type { PropagationContext } from '../types';
import { contextOfSpan, spanInternals } from './createSpan';
import type { Span } from './types';

/** Makes `span` the active span of `scope`: its trace and span id become the scope's propagation context. */
export function activateSpan(scope: Scope, span: Span): void {
  const context = contextOfSpan(span);
  scope.setPropagationContext(context);
  (getCarrier().activeSpans ??= new WeakMap()).set(context, span);
}

/** The propagation context that applies now, from the current scope or else the isolation scope. */
export function currentContext(): PropagationContext | undefined {
  const { scope, isolationScope } = getCarrier().strategy.getScopes();
  return scope.getPropagationContext() ?? isolationScope.getPropagationContext();
}

/**
 * The span active now (inside `startSpan`, `startSpanManual` or `withActiveSpan`), or undefined. Its
 * `spanContext()` has the trace id and span id that events captured now carry in `contexts.trace`.
 */
export function getActiveSpan(): Span | undefined {
  try {
    const context = currentContext();
    return context && getCarrier().activeSpans?.get(context);
  } catch {
    return undefined;
  }
}

/**
 * Runs `callback` with `span` active (or, with `null`, with no active span: back in the trace outside every
 * span), in a fork of the current scope. Returns what the callback returns.
 */
export function withActiveSpan<T>(span: Span | null, callback: (scope: Scope) => T): T {
  const { strategy } = getCarrier();
  const active = strategy.getScopes();
  const scope = active.scope.clone();
  try {
    if (span) activateSpan(scope, span);
    else {
      const context = currentContext();
      const outer = context && spanInternals(getCarrier().activeSpans?.get(context))?._base;
      if (outer) scope.setPropagationContext(outer);
    }
  } catch {
    // a span that cannot be read leaves the scope as it was; the callback still runs
  }
  return strategy.runWith({ scope, isolationScope: active.isolationScope }, () => callback(scope));
}
