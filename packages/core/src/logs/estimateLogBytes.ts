import { MAX_ATTRIBUTE_LENGTH } from './toLogAttribute';
import type { SerializedLog } from './types';

/** A cheap guess of a record's JSON size, so batching never serializes a record twice. */
export function estimateLogBytes(log: SerializedLog): number {
  let size = 120 + log.body.length;
  for (const key in log.attributes) {
    const value = log.attributes[key]!.value;
    size += key.length + 30 + (typeof value === 'object' && value !== null ? jsonLength(value) : String(value).length);
  }
  return size;
}

/** About how long a nested value's JSON is; its Sentry string is cut at MAX_ATTRIBUTE_LENGTH anyway. */
function jsonLength(value: object): number {
  let length = 0;
  const visit = (item: unknown): void => {
    if (length > MAX_ATTRIBUTE_LENGTH) return;
    if (typeof item === 'string') length += item.length + 2;
    else if (typeof item !== 'object' || item === null) length += 6;
    else if (Array.isArray(item)) {
      length += 2 + item.length;
      for (const entry of item) visit(entry);
    } else {
      length += 2;
      for (const key in item) {
        length += key.length + 4;
        visit((item as Record<string, unknown>)[key]);
      }
    }
  };
  visit(value);
  return Math.min(length, MAX_ATTRIBUTE_LENGTH + 2);
}
