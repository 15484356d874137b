import type { ActiveScopes, AsyncContextStrategy } from '@faultline/core';

/** What undici's dispatchers call on a request as its answer arrives (undici 6 and 7, HTTP/1.1 and HTTP/2). */
const ANSWER_METHODS = ['onHeaders', 'onData', 'onComplete', 'onError', 'onUpgrade'] as const;

/**
 * Runs undici's handling of one request's answer in the scopes of the code that made the request.
 *
 * undici calls these from the socket's async context, and a keep-alive socket's context is that of the
 * request that opened it: without this, a body stream's `data` / `end` / `error` listeners (and anything
 * they log or capture) run in another request's scopes. Node's own `http.request` avoids this with one
 * async resource per request; this does the same for undici. Should undici change shape, nothing is bound
 * and its requests go on untouched.
 */
export function bindUndiciRequest(request: object, scopes: ActiveScopes, strategy: AsyncContextStrategy): void {
  const target = request as Record<string, unknown>;
  for (const name of ANSWER_METHODS) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    try {
      target[name] = function (this: unknown, ...args: unknown[]): unknown {
        return strategy.runWith(scopes, () => (original as (...a: unknown[]) => unknown).apply(this, args));
      };
    } catch {
      // a frozen or reshaped request keeps undici's own methods
    }
  }
}
