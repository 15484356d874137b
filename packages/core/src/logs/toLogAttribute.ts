import { normalize } from '../normalize/normalize';
import { safeJsonStringify } from '../normalize/safeJsonStringify';
import { truncate } from '../normalize/safeString';
import type { LogAttributeValue } from './types';

const MAX_ATTRIBUTE_LENGTH = 8192;

/** Types an attribute as Sentry logs carry them: string, integer, double, boolean; anything else as a JSON string. */
export function toLogAttribute(value: unknown): LogAttributeValue {
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
      const text = safeJsonStringify(normalize(value, { depth: 3, maxBreadth: 100, maxStringLength: 1024 }));
      return { value: truncate(text, MAX_ATTRIBUTE_LENGTH), type: 'string' };
    }
  }
}
