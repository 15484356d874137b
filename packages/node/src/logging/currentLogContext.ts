import { getCarrier, resolvePropagationContext, type PropagationContext } from '@faultline/core';

/** The trace (and request) a log call made right now belongs to. */
export function currentLogContext(): PropagationContext {
  const { strategy, globalScope } = getCarrier();
  const { scope, isolationScope } = strategy.getScopes();
  return resolvePropagationContext(globalScope, isolationScope, scope);
}
