import type { Integration } from '../client/types';
import { exceptionFromValue } from '../event/exceptionFromValue';
import { isError } from '../event/isError';
import { safeGet } from '../normalize/safeString';
import type { Exception } from '../types';

/**
 * Sentry's LinkedErrors. Faultline always sends `cause` chains and AggregateError members (up to 10);
 * this keeps at most `limit` linked errors (default 5, as Sentry) and, with `key`, follows another
 * property than `cause` (say `originalError`).
 */
/* @__NO_SIDE_EFFECTS__ */
export function linkedErrorsIntegration(options: { key?: string; limit?: number } = {}): Integration {
  const limit = options.limit || 5;
  const key = options.key || 'cause';
  return {
    name: 'LinkedErrors',
    processEvent(event, hint, client) {
      const values = event.exception?.values;
      if (!values || values.length === 0) return event;
      let linked = values.slice(0, -1);
      if (key !== 'cause' && isError(hint.originalException)) {
        linked = followKey(hint.originalException, key, limit, client.getOptions()).concat(linked);
      }
      // Causes come first, the thrown exception last: keep the ones nearest to it.
      const kept = linked.slice(Math.max(0, linked.length - limit));
      return { ...event, exception: { values: [...kept, values[values.length - 1]!] } };
    },
  };
}

function followKey(error: Error, key: string, limit: number, options: Parameters<typeof exceptionFromValue>[1]) {
  const chain: Exception[] = [];
  const seen = new Set<unknown>([error]);
  let next = safeGet(error, key);
  while (next !== undefined && next !== null && chain.length < limit && !seen.has(next)) {
    seen.add(next);
    const { exception } = exceptionFromValue(next, options);
    exception.mechanism = { type: 'chained', handled: true, source: key };
    chain.unshift(exception);
    next = isError(next) ? safeGet(next, key) : undefined;
  }
  return chain;
}
