import { isError } from '@faultline/core';

/**
 * The error a log record carries, as something the SDK can turn into an exception with its original
 * stack: an Error as it is, or a serialized one (pino's `{ type, message, stack }`, winston's
 * `format.errors()`) rebuilt; undefined when there is none.
 */
export function rebuildError(value: unknown): unknown {
  if (isError(value)) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, name, message, stack, ...rest } = value as Record<string, unknown>;
  if (typeof message !== 'string' && typeof stack !== 'string') return undefined;
  return {
    ...rest,
    name: typeof name === 'string' ? name : typeof type === 'string' ? type : 'Error',
    message: message ?? '',
    stack,
  };
}
