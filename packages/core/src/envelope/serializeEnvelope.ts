import { toSentryLogPayload } from '../logs/toSentryLogPayload';
import { serializeJsonEnvelope } from './serializeJsonEnvelope';
import type { Envelope, EnvelopeItem } from './types';

/**
 * Serializes to Sentry's envelope format (`serializeJsonEnvelope`). Nested log attributes become JSON
 * strings here, the one place the Sentry wire format is written.
 */
export function serializeEnvelope([headers, items]: Envelope): string {
  return serializeJsonEnvelope([
    headers,
    items.map(([itemHeaders, payload]): EnvelopeItem => [
      itemHeaders,
      itemHeaders.type === 'log' ? toSentryLogPayload(payload) : payload,
    ]),
  ]);
}
