import { getCarrier } from '../carrier';
import { isThenable } from '../client/maybePromise';
import { debugLogger } from '../debugLogger';
import { createPropagationContext } from '../propagationContext';
import { resolvePropagationContext } from '../tracing/resolvePropagationContext';
import { activateSpan, getActiveSpan } from './activeSpan';
import { contextOfSpan, createSpan } from './createSpan';
import type { Span, StartSpanOptions } from './types';

/** A new span for `options`: under `parentSpan`, else under the active span, else under the scope's trace. */
function spanFor(options: StartSpanOptions): Span {
  const { strategy, globalScope } = getCarrier();
  const { scope, isolationScope } = strategy.getScopes();
  const parentSpan = options.parentSpan === undefined ? getActiveSpan() : (options.parentSpan ?? undefined);
  const parent = parentSpan
    ? contextOfSpan(parentSpan)
    : resolvePropagationContext(globalScope, isolationScope, options.scope ?? scope);
  return createSpan(String(options.name), parent, { ...options, parentSpan, root: options.parentSpan === null });
}

/** Whether `onlyIfParent` asks for no span here (no parent given and none active). */
function skipped(options: StartSpanOptions): boolean {
  return Boolean(options.onlyIfParent) && !options.parentSpan && !getActiveSpan();
}

/** Runs `callback` with `span` active, in a fork of `options.scope` (or of the current scope). */
function runActive<T>(options: StartSpanOptions, span: Span, callback: () => T): T {
  const { strategy } = getCarrier();
  const active = strategy.getScopes();
  const scope = (options.scope ?? active.scope).clone();
  activateSpan(scope, span);
  return strategy.runWith({ scope, isolationScope: active.isolationScope }, callback);
}

function failed(span: Span): void {
  span.setStatus({ code: 2, message: 'internal_error' });
  span.end();
}

/**
 * Runs `callback` with a new active span and returns what it returns, a promise included; the span ends
 * when the callback returns or its promise settles. Errors and logs captured inside carry the span's
 * trace id and span id; outgoing requests continue the trace from it. The span itself is not sent.
 *
 * @example
 * const total = await startSpan({ name: 'checkout', op: 'function' }, async (span) => {
 *   span.setAttribute('items', cart.length);
 *   return charge(cart);
 * });
 */
export function startSpan<T>(options: StartSpanOptions, callback: (span: Span) => T): T {
  return startSpanManual(options, (span) => {
    let result: T;
    try {
      result = callback(span);
    } catch (error) {
      failed(span);
      throw error;
    }
    if (isThenable(result)) {
      result.then(
        () => span.end(),
        () => failed(span),
      );
    } else span.end();
    return result;
  });
}

/** As `startSpan`, but the span ends only when the callback calls `span.end()` (or `finish()`). */
export function startSpanManual<T>(options: StartSpanOptions, callback: (span: Span, finish: () => void) => T): T {
  let span: Span;
  try {
    span = spanFor(options);
  } catch (error) {
    debugLogger.error('Starting a span failed', error);
    // The user's code runs whatever happens to the span.
    span = createSpan(String(options?.name), createPropagationContext(), {});
    return callback(span, () => span.end());
  }
  const finish = (): void => span.end();
  if (skipped(options)) return callback(span, finish);
  return runActive(options, span, () => callback(span, finish));
}

/** A span that is not made active: pass it as `parentSpan`, or activate it with `withActiveSpan`. */
export function startInactiveSpan(options: StartSpanOptions): Span {
  try {
    return spanFor(options);
  } catch (error) {
    debugLogger.error('Starting a span failed', error);
    return createSpan(String(options?.name), createPropagationContext(), {});
  }
}
