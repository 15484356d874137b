import { AsyncLocalStorage } from 'node:async_hooks';
import { createScope, type ActiveScopes, type AsyncContextStrategy } from '@faultline/core';

/**
 * Scopes that follow async execution: each request (or `withIsolationScope` call) keeps its own scopes
 * across every `await`, timer and callback, so concurrent requests never see each other's data.
 */
export function createAsyncLocalStorageStrategy(): AsyncContextStrategy & { enter(scopes: ActiveScopes): void } {
  const storage = new AsyncLocalStorage<ActiveScopes>();
  const root: ActiveScopes = { scope: createScope(), isolationScope: createScope() };
  return {
    getScopes: () => storage.getStore() ?? root,
    runWith: (scopes, callback) => storage.run(scopes, callback),
    /** Makes `scopes` active for the rest of this execution and what it schedules (a request's handler). */
    enter: (scopes) => storage.enterWith(scopes),
  };
}
