import { safeJsonStringify } from '../normalize/safeJsonStringify';
import type { Envelope } from './types';

/** Serializes to Sentry's envelope format: newline-delimited JSON, header first, then header + payload per item. */
export function serializeEnvelope([headers, items]: Envelope): string {
  let out = safeJsonStringify(headers);
  for (const [itemHeaders, payload] of items) {
    out += `\n${safeJsonStringify(itemHeaders)}\n${typeof payload === 'string' ? payload : safeJsonStringify(payload)}`;
  }
  return out;
}
