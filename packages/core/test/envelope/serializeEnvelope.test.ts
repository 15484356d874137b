import { parseEnvelope, serializeEnvelope } from '@faultline/core';
import type { Envelope } from '@faultline/core';
import { describe, expect, it } from 'vitest';

describe('serializeEnvelope', () => {
  it('writes the header, then item header and payload lines', () => {
    const envelope: Envelope = [{ event_id: 'a'.repeat(32) }, [[{ type: 'event' }, { message: 'hi' }]]];
    expect(serializeEnvelope(envelope)).toBe(`{"event_id":"${'a'.repeat(32)}"}\n{"type":"event"}\n{"message":"hi"}`);
  });

  it('writes nested log attributes as JSON strings, Sentry’s wire type for them (custom transports call it too)', () => {
    const log = {
      timestamp: 1,
      level: 'info',
      body: 'b',
      attributes: { db: { value: { host: 'h' }, type: 'object' } },
    };
    const text = serializeEnvelope([{}, [[{ type: 'log', item_count: 1 }, { items: [log] }]]]);
    expect(JSON.parse(text.split('\n')[2]!)).toEqual({
      items: [{ ...log, attributes: { db: { value: '{"host":"h"}', type: 'string' } } }],
    });
  });

  it('never throws on payloads JSON.stringify rejects', () => {
    const cyclic: Record<string, unknown> = { big: 10n };
    cyclic.self = cyclic;
    const text = serializeEnvelope([{}, [[{ type: 'event' }, cyclic]]]);
    expect(JSON.parse(text.split('\n')[2]!)).toEqual({ big: '[BigInt: 10]', self: '[Circular ~]' });
  });
});

describe('parseEnvelope', () => {
  it('reads back what serializeEnvelope wrote', () => {
    const envelope: Envelope = [
      { sent_at: 'x' },
      [
        [{ type: 'event' }, { a: 1 }],
        [{ type: 'client_report' }, { b: 2 }],
      ],
    ];
    expect(parseEnvelope(serializeEnvelope(envelope))).toEqual(envelope);
    expect(parseEnvelope(`${serializeEnvelope(envelope)}\n`)).toEqual(envelope);
  });

  it.each([
    ['', 'missing its envelope header'],
    ['not json', 'envelope header is not valid JSON'],
    ['[1]', 'not a JSON object'],
    ['{}\n{"no":"type"}\n{}', 'has no type'],
    ['{}\n{"type":"event"}', 'has no payload'],
  ])('refuses %j with a clear message', (text, message) => {
    expect(() => parseEnvelope(text)).toThrow(message);
  });
});
