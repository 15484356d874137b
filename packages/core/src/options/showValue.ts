import { safeString } from '../normalize/safeString';

/**
 * The raw value as a user would recognise it, bounded. Objects are not spelled out: they may hold
 * credentials (a Loki password) that do not belong in a log.
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(safeString(value, 80));
  if (typeof value === 'function') return 'a function';
  if (value instanceof RegExp) return safeString(String(value), 80);
  if (Array.isArray(value)) return safeString(`[${value.slice(0, 10).map(showValue).join(', ')}]`, 120);
  if (typeof value === 'object' && value !== null) return 'an object';
  return safeString(value, 80);
}
