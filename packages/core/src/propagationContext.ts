import type { PropagationContext } from './types';
import { uuid4 } from './uuid4';

/** A fresh trace: a 32-hex trace id and a 16-hex span id. */
export function createPropagationContext(): PropagationContext {
  return { traceId: uuid4(), spanId: uuid4().slice(16) };
}
