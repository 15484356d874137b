import { safeJsonStringify } from '../normalize/safeJsonStringify';
import { truncate } from '../normalize/safeString';
import { MAX_ATTRIBUTE_LENGTH } from './toLogAttribute';
import type { SerializedLog } from './types';

/**
 * A `log` item payload as Sentry's protocol takes it: every nested (`object`) attribute, already scrubbed,
 * becomes its JSON text in a `string` attribute (Sentry drops objects). The records are copied, not changed.
 */
export function toSentryLogPayload(payload: unknown): unknown {
  const items = (payload as { items?: SerializedLog[] } | undefined)?.items;
  if (!Array.isArray(items)) return payload;
  const toSentry = (log: SerializedLog): SerializedLog => {
    const attributes = { ...log.attributes };
    for (const key in attributes) {
      const { value, type } = attributes[key]!;
      if (type === 'object')
        attributes[key] = { value: truncate(safeJsonStringify(value), MAX_ATTRIBUTE_LENGTH), type: 'string' };
    }
    return log.attributes ? { ...log, attributes } : log;
  };
  return { ...(payload as object), items: items.map(toSentry) };
}
