import { isError, normalize, safeJsonStringify } from '@faultline/core';
import { cssSelector } from './cssSelector';

/**
 * A readable one-line description of a thrown or rejected value that is not an Error: strings as they
 * are, DOM Events by type and target, objects as a short JSON preview.
 */
export function describeThrown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isDomEvent(value)) {
    const event = value as Event & { message?: string };
    const target = event.target ? ` on ${cssSelector(event.target)}` : '';
    return `${event.constructor?.name ?? 'Event'} "${event.type}"${target}${event.message ? `: ${event.message}` : ''}`;
  }
  if (typeof value === 'object' && value !== null) {
    return `Object ${safeJsonStringify(normalize(value, { depth: 2, maxBreadth: 10, maxStringLength: 80 })).slice(0, 300)}`;
  }
  return String(value as string);
}

function isDomEvent(value: unknown): boolean {
  return typeof Event !== 'undefined' && value instanceof Event && !isError(value);
}
