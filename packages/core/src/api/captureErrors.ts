import { isThenable } from '../client/maybePromise';
import type { Primitive } from '../types';
import { captureException } from './capture';
import { markCaptured } from './markCaptured';

export interface CaptureErrorsOptions<F = undefined> {
  /** Throw (or reject with) the error again once captured (default true); `false` returns `fallback`. */
  rethrow?: boolean;
  /** What the wrapper returns (or resolves to) instead of throwing, with `rethrow: false`. */
  fallback?: F;
  /** Sent with a captured error: strings, numbers and booleans as tags, everything else as extra. */
  context?: Record<string, unknown>;
}

/** What a function returns once its errors become `fallback`: for an async one, a promise of either. */
export type WithFallback<R, F> = R extends PromiseLike<infer V> ? Promise<V | F> : R | F;

/**
 * Wraps `fn` so that what it throws (or its promise rejects with) is captured, with `context`, and then
 * rethrown, or replaced by `fallback` with `rethrow: false`. Keeps `fn`'s parameters, `this` and result
 * type. An error it rethrows is not captured again by Faultline's process or framework handlers.
 *
 * @example
 * const handle = captureErrors(async (job: Job) => process(job), { context: { queue: 'emails' } });
 * const price = captureErrors(parsePrice, { rethrow: false, fallback: 0 }); // (text: string) => number
 */
export function captureErrors<A extends unknown[], R, T = unknown>(
  fn: (this: T, ...args: A) => R,
  options?: CaptureErrorsOptions<never> & { rethrow?: true },
): (this: T, ...args: A) => R;
export function captureErrors<A extends unknown[], R, F = undefined, T = unknown>(
  fn: (this: T, ...args: A) => R,
  options: CaptureErrorsOptions<F> & { rethrow: false },
): (this: T, ...args: A) => WithFallback<R, F>;
export function captureErrors<A extends unknown[], R, F = undefined, T = unknown>(
  fn: (this: T, ...args: A) => R,
  options: CaptureErrorsOptions<F> & { rethrow: boolean },
): (this: T, ...args: A) => R | WithFallback<R, F>;
export function captureErrors<A extends unknown[], R, F, T>(
  fn: (this: T, ...args: A) => R,
  options: CaptureErrorsOptions<F> = {},
): (this: T, ...args: A) => R | WithFallback<R, F> {
  const rethrow = options.rethrow !== false;
  const failed = (error: unknown): F => {
    report(error, rethrow, options.context);
    if (rethrow) throw error;
    return options.fallback as F;
  };
  return function (this: T, ...args: A) {
    let result: R;
    try {
      result = fn.apply(this, args);
    } catch (error) {
      return failed(error) as WithFallback<R, F>;
    }
    return (isThenable(result) ? Promise.resolve(result).then(undefined, failed) : result) as R;
  };
}

function report(error: unknown, rethrow: boolean, context: Record<string, unknown> | undefined): void {
  if (!markCaptured(error)) return;
  const tags: Record<string, Primitive> = {};
  const extra: Record<string, unknown> = {};
  try {
    for (const [key, value] of Object.entries(context ?? {})) {
      if (['string', 'number', 'boolean'].includes(typeof value)) tags[key] = value as Primitive;
      else extra[key] = value;
    }
  } catch {
    // Context that cannot be read must not cost the error itself.
  }
  captureException(error, { tags, extra, mechanism: { type: 'captureErrors', handled: !rethrow } });
}
