import type { Integration } from '../client/types';
import { isError } from '../event/isError';
import { normalize } from '../normalize/normalize';
import { safeGet, safeString, truncate } from '../normalize/safeString';

const NATIVE_KEYS = ['name', 'message', 'stack', 'line', 'column', 'fileName', 'lineNumber', 'columnNumber', 'toJSON'];

/**
 * Sentry's ExtraErrorData: the thrown error's own properties, its `toJSON()` output and (with
 * `captureErrorCause`, default true) its cause's properties, in `contexts[<ErrorName>]`, `depth` levels
 * deep (default 3). Faultline already sends an error's own properties there; this adds `toJSON()` and the
 * cause, at the depth asked for.
 */
/* @__NO_SIDE_EFFECTS__ */
export function extraErrorDataIntegration(options: { depth?: number; captureErrorCause?: boolean } = {}): Integration {
  const { depth = 3, captureErrorCause = true } = options;
  return {
    name: 'ExtraErrorData',
    processEvent(event, hint, client) {
      const error = hint.originalException;
      if (!isError(error)) return event;
      const { maxValueLength } = client.getOptions();
      const data = errorData(error, captureErrorCause, maxValueLength);
      if (!data) return event;
      const name = safeString(error.name || safeGet(safeGet(error, 'constructor'), 'name'), 200);
      const normalized = normalize(data, { depth });
      if (typeof normalized !== 'object' || normalized === null) return event;
      return { ...event, contexts: { ...event.contexts, [name]: normalized as Record<string, unknown> } };
    },
  };
}

function errorData(error: Error, withCause: boolean, maxValueLength: number): Record<string, unknown> | undefined {
  try {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(error)) {
      if (NATIVE_KEYS.includes(key)) continue;
      const value = safeGet(error, key, '[Unreadable]');
      out[key] =
        isError(value) || typeof value === 'string' ? truncate(safeString(value, Infinity), maxValueLength) : value;
    }
    const cause = safeGet(error, 'cause');
    if (withCause && cause !== undefined) {
      out.cause = isError(cause) ? { [cause.name || 'Error']: errorData(cause, false, maxValueLength) } : cause;
    }
    const toJSON = safeGet(error, 'toJSON');
    if (typeof toJSON === 'function') {
      const serialized = (toJSON as () => unknown).call(error);
      if (typeof serialized === 'object' && serialized !== null) {
        for (const [key, value] of Object.entries(serialized)) out[key] = isError(value) ? String(value) : value;
      }
    }
    return Object.keys(out).length > 0 ? out : undefined;
  } catch {
    return undefined;
  }
}
