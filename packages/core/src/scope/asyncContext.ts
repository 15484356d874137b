import { isThenable } from '../client/maybePromise';
import { createScope, type Scope } from './createScope';

export interface ActiveScopes {
  scope: Scope;
  isolationScope: Scope;
}

/**
 * How the active scopes follow the flow of execution. The default is a synchronous stack; Node plugs in
 * AsyncLocalStorage so each request keeps its own isolation scope across awaits.
 */
export interface AsyncContextStrategy {
  getScopes(): ActiveScopes;
  /** Runs `callback` with `scopes` active. */
  runWith<T>(scopes: ActiveScopes, callback: () => T): T;
}

/** The default strategy: a stack that is correct for synchronous code (as in a browser page). */
/* @__NO_SIDE_EFFECTS__ */
export function createStackStrategy(): AsyncContextStrategy {
  const stack: ActiveScopes[] = [{ scope: createScope(), isolationScope: createScope() }];
  return {
    getScopes: () => stack[stack.length - 1]!,
    runWith<T>(scopes: ActiveScopes, callback: () => T): T {
      stack.push(scopes);
      let result: unknown;
      try {
        result = callback();
      } catch (error) {
        stack.pop();
        throw error;
      }
      if (isThenable(result)) {
        // Async callbacks keep their scopes until they settle; a stack cannot do better than that.
        return Promise.resolve(result).finally(() => popEntry(stack, scopes)) as T;
      }
      stack.pop();
      return result as T;
    },
  };
}

function popEntry(stack: ActiveScopes[], entry: ActiveScopes): void {
  const index = stack.lastIndexOf(entry);
  if (index > 0) stack.splice(index, 1);
}
