import { parseEnvelope, serializeEnvelope } from '@faultline/core';
import type { Envelope, Event, TransportFactory, TransportOptions } from '@faultline/core';

/** What a test transport received, always as it would go on the wire (serialized, then parsed back). */
export interface TestTransportRecord {
  /** The serialized envelopes, exactly as sent. */
  bodies: string[];
  envelopes(): Envelope[];
  /** The `event` payloads of every envelope, in order. */
  events(): Event[];
  /** Items of one type across all envelopes. */
  items(type: string): unknown[];
  options?: TransportOptions;
  clear(): void;
}

/** An in-memory transport: records serialized envelopes so tests assert on what would be sent. */
export function createTestTransport(): { transport: TransportFactory; record: TestTransportRecord } {
  const bodies: string[] = [];
  const record: TestTransportRecord = {
    bodies,
    envelopes: () => bodies.map(parseEnvelope),
    events: () => record.items('event') as Event[],
    items: (type) =>
      record
        .envelopes()
        .flatMap(([, items]) => items)
        .filter(([headers]) => headers.type === type)
        .map(([, payload]) => payload),
    clear: () => void bodies.splice(0),
  };
  const transport: TransportFactory = (options) => {
    record.options = options;
    return {
      send(envelope) {
        bodies.push(serializeEnvelope(envelope));
        return Promise.resolve({ statusCode: 200 });
      },
      flush: () => Promise.resolve(true),
    };
  };
  return { transport, record };
}
