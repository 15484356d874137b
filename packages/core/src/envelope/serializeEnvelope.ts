import { toSentryLogPayload } from '../logs/toSentryLogPayload';
import { safeJsonStringify } from '../normalize/safeJsonStringify';
import type { Envelope } from './types';

/**
 * Serializes to Sentry's envelope format: newline-delimited JSON, header first, then header + payload per
 * item. Nested log attributes become JSON strings here, the one place the Sentry wire format is written.
 */
export function serializeEnvelope([headers, items]: Envelope): string {
  let out = safeJsonStringify(headers);
  for (const [itemHeaders, payload] of items) {
    const sentryPayload = itemHeaders.type === 'log' ? toSentryLogPayload(payload) : payload;
    out += `\n${safeJsonStringify(itemHeaders)}\n${typeof sentryPayload === 'string' ? sentryPayload : safeJsonStringify(sentryPayload)}`;
  }
  return out;
}
