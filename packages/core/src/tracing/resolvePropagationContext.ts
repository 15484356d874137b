import { createPropagationContext } from '../propagationContext';
import type { Scope } from '../scope/createScope';
import type { PropagationContext } from '../types';

/**
 * The trace that applies now: the current scope's, else the isolation scope's (the request or page),
 * else one per global scope (the process or page load), created on first use.
 */
export function resolvePropagationContext(global: Scope, isolation: Scope, current: Scope): PropagationContext {
  let context = current.getPropagationContext() ?? isolation.getPropagationContext() ?? global.getPropagationContext();
  if (!context) global.setPropagationContext((context = createPropagationContext()));
  return context;
}
