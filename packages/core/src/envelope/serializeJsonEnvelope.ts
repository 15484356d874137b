import { safeJsonStringify } from '../normalize/safeJsonStringify';
import type { Envelope } from './types';

/**
 * Newline-delimited JSON, header first, then header + payload per item; a string payload is written as it
 * is. The envelope's framing alone: `serializeEnvelope` adds what the Sentry wire format wants of logs.
 */
export function serializeJsonEnvelope([headers, items]: Envelope): string {
  let out = safeJsonStringify(headers);
  for (const [itemHeaders, payload] of items)
    out += `\n${safeJsonStringify(itemHeaders)}\n${typeof payload === 'string' ? payload : safeJsonStringify(payload)}`;
  return out;
}
