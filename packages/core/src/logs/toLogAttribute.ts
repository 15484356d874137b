import type { NormalizeLimits } from '../normalize/normalize';
import { normalize } from '../normalize/normalize';
import { safeJsonStringify } from '../normalize/safeJsonStringify';
import { truncate } from '../normalize/safeString';
import type { LogAttributeValue } from './types';

/** Longest string attribute, and the most string characters one nested attribute keeps. */
export const MAX_ATTRIBUTE_LENGTH = 8192;
/** Most values one nested attribute keeps (beyond it, `[Truncated]`). */
const MAX_ATTRIBUTE_NODES = 1000;

/**
 * Types an attribute as Sentry logs carry them: string, integer, double, boolean. A nested value (object,
 * array, Map, Error…) is normalized within `limits` and kept structured (`object`), so the scrubber sees
 * its keys at every depth before anything turns it into text.
 */
export function toLogAttribute(value: unknown, limits: Partial<NormalizeLimits> = {}): LogAttributeValue {
  switch (typeof value) {
    case 'string':
      return { value: truncate(value, MAX_ATTRIBUTE_LENGTH), type: 'string' };
    case 'boolean':
      return { value, type: 'boolean' };
    case 'number':
      if (Number.isInteger(value)) return { value, type: 'integer' };
      if (Number.isFinite(value)) return { value, type: 'double' };
      return { value: String(value), type: 'string' };
    default: {
      const normalized = normalize(
        value,
        { depth: 3, maxBreadth: 100, ...limits, maxStringLength: 1024 },
        { nodes: MAX_ATTRIBUTE_NODES, chars: MAX_ATTRIBUTE_LENGTH },
      );
      if (typeof normalized === 'object' && normalized !== null) {
        return { value: normalized as Record<string, unknown> | unknown[], type: 'object' };
      }
      // A Date, a function, a symbol, null…: its text.
      const text = typeof normalized === 'string' ? normalized : safeJsonStringify(normalized);
      return { value: truncate(text, MAX_ATTRIBUTE_LENGTH), type: 'string' };
    }
  }
}
