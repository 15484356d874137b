import { safeJsonStringify } from '../normalize/safeJsonStringify';
import { truncate } from '../normalize/safeString';
import { MAX_ATTRIBUTE_LENGTH } from './toLogAttribute';
import type { SerializedLog } from './types';

/**
 * A `log` item payload as Sentry's protocol takes it: every nested (`object`) attribute, already scrubbed,
 * becomes its JSON text in a `string` attribute (Sentry drops objects). Copies only the records it changes.
 */
export function toSentryLogPayload(payload: unknown): unknown {
  const items = (payload as { items?: SerializedLog[] } | undefined)?.items;
  if (!Array.isArray(items)) return payload;
  let changed = false;
  const out = items.map((log) => {
    let attributes: SerializedLog['attributes'];
    for (const key in log.attributes) {
      const attribute = log.attributes[key]!;
      if (attribute.type !== 'object') continue;
      const text = truncate(safeJsonStringify(attribute.value), MAX_ATTRIBUTE_LENGTH);
      (attributes ??= { ...log.attributes })[key] = { value: text, type: 'string' };
    }
    if (!attributes) return log;
    changed = true;
    return { ...log, attributes };
  });
  return changed ? { ...(payload as object), items: out } : payload;
}
