import { getCarrier } from '../carrier';

/**
 * Remembers that `error` was captured, and says whether this is the first time. Paths that can see the
 * same error twice (a `captureErrors` wrapper that rethrows, then the process or framework handler the
 * error reaches) capture only when this returns true. Primitives cannot be remembered: always true.
 */
export function markCaptured(error: unknown): boolean {
  if ((typeof error !== 'object' && typeof error !== 'function') || error === null) return true;
  const captured = (getCarrier().captured ??= new WeakSet());
  if (captured.has(error)) return false;
  captured.add(error);
  return true;
}
