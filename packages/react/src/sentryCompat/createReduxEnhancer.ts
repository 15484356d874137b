import { addBreadcrumb, getIsolationScope, normalize } from '@faultline/core';

type Action = { type?: unknown };
type Reducer<S, A> = (state: S | undefined, action: A) => S;
type StoreCreator = <S, A extends Action>(reducer: Reducer<S, A>, initialState?: S) => { getState(): S };

export interface ReduxEnhancerOptions<S = unknown> {
  /** What of each action to keep as a breadcrumb (`null` keeps none). */
  actionTransformer?(action: Action): Action | null;
  /** What of the state to attach (`null` attaches none). */
  stateTransformer?(state: S): unknown;
}

/**
 * Sentry's Redux enhancer: `createStore(reducer, createReduxEnhancer())` (or in `enhancers` of Redux
 * Toolkit). Each action becomes a breadcrumb (`redux.action`) and the latest state rides on every event
 * in `contexts.state` (both scrubbed like any other data).
 */
export function createReduxEnhancer<S>(options: ReduxEnhancerOptions<S> = {}) {
  const { actionTransformer = (action: Action) => action, stateTransformer = (state: S) => state } = options;
  return (next: StoreCreator): StoreCreator =>
    (reducer, initialState) => {
      const observed: typeof reducer = (state, action) => {
        const newState = reducer(state, action);
        try {
          const shown = actionTransformer(action);
          if (shown)
            addBreadcrumb({
              category: 'redux.action',
              type: 'info',
              data: normalize(shown, { depth: 3 }) as Record<string, unknown>,
            });
          const value = stateTransformer(newState as unknown as S);
          getIsolationScope().setContext(
            'state',
            value === null || value === undefined ? undefined : { state: { type: 'redux', value } },
          );
        } catch {
          // a transformer that throws must not break the store
        }
        return newState;
      };
      return next(observed, initialState);
    };
}
