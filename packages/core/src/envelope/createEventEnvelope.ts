import { dsnToString } from '../dsn';
import type { Event } from '../types';
import type { Envelope, EnvelopeAddress, EnvelopeHeaders } from './types';

/** Envelope headers shared by every envelope a client sends. */
export function envelopeHeaders(address: EnvelopeAddress, extra: EnvelopeHeaders = {}): EnvelopeHeaders {
  const headers: EnvelopeHeaders = {
    ...extra,
    // Fixed when the envelope is made, never when it is (re)sent, so retries are exact duplicates.
    sent_at: new Date().toISOString(),
    sdk: { name: address.sdk.name, version: address.sdk.version },
  };
  if (address.tunnel && address.dsn) headers.dsn = dsnToString(address.dsn);
  return headers;
}

/** Wraps one event in an envelope (user feedback as a `feedback` item, as Sentry sends it). */
export function createEventEnvelope(event: Event, address: EnvelopeAddress): Envelope {
  return [envelopeHeaders(address, { event_id: event.event_id }), [[{ type: event.type ?? 'event' }, event]]];
}
