import type { Envelope, Event } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { createTunnelScrubber } from '../../src/tunnel/createTunnelScrubber';

const log = (attributes: Record<string, { value: unknown; type: string }>) => ({
  timestamp: 1,
  level: 'info',
  body: 'mail a@b.co',
  attributes,
});

describe('createTunnelScrubber', () => {
  it('scrubs events, and log attributes a browser sent as JSON text at every depth (structured again)', () => {
    const scrub = createTunnelScrubber({})!;
    const envelope: Envelope = [
      { dsn: 'https://key@o1.ingest.example.com/1' },
      [
        [{ type: 'event' }, { message: 'token=abc123', extra: { password: 'p' }, user: { email: 'a@b.co' } } as Event],
        [
          { type: 'log' },
          {
            items: [
              log({
                db: { value: '{"host":"h","password":"p"}', type: 'string' },
                list: { value: '[{"token":"t"}]', type: 'string' },
                cut: { value: '{"password":"p","more":"tex', type: 'string' },
                n: { value: 1, type: 'integer' },
              }),
            ],
          },
        ],
      ],
    ];
    const [headers, items] = scrub(envelope);
    expect(headers).toEqual(envelope[0]);
    expect(items[0]![1]).toEqual({ message: 'token=[Filtered]', extra: { password: '[Filtered]' }, user: {} });
    expect(items[1]![1]).toEqual({
      items: [
        {
          ...log({}),
          body: 'mail [Filtered]',
          attributes: {
            db: { value: { host: 'h', password: '[Filtered]' }, type: 'object' },
            list: { value: [{ token: '[Filtered]' }], type: 'object' },
            // Cut at the browser's length limit: not JSON any more, its text is scanned.
            cut: { value: '{"password":"[Filtered]","more":"tex', type: 'string' },
            n: { value: 1, type: 'integer' },
          },
        },
      ],
    });
  });

  it('keeps client reports and a session’s id, scrubs the rest of any other item as data', () => {
    const scrub = createTunnelScrubber({ sendDefaultPii: false })!;
    const report = { discarded_events: [{ reason: 'before_send', category: 'error', quantity: 1 }] };
    const sid = 'b1f0c0de-0000-4000-8000-000000000001';
    const [, items] = scrub([
      {},
      [
        [{ type: 'client_report' }, report],
        [{ type: 'session' as never }, { sid, did: 'a@b.co', attrs: { ip_address: '203.0.113.5' } }],
        [{ type: 'feedback' as never }, { contact_email: 'a@b.co', message: 'password=x' }],
      ],
    ]);
    expect(items[0]![1]).toBe(report);
    expect(items[1]![1]).toEqual({ sid, did: '[Filtered]', attrs: { ip_address: '[Filtered]' } });
    expect(items[2]![1]).toEqual({ contact_email: '[Filtered]', message: 'password=[Filtered]' });
  });

  it('scrubs a payload not shaped as its type says as plain data, and never throws', () => {
    const scrub = createTunnelScrubber({})!;
    const [, items] = scrub([
      {},
      [
        [{ type: 'event' }, { exception: { values: 'not a list' }, extra: { token: 't' } } as never],
        [{ type: 'log' }, { items: ['mail a@b.co', { body: 7, token: 't' }] }],
      ],
    ]);
    expect(items[0]![1]).toEqual({ exception: { values: 'not a list' }, extra: { token: '[Filtered]' } });
    expect(items[1]![1]).toEqual({ items: ['mail [Filtered]', { body: 7, token: '[Filtered]' }] });
  });

  it('is off with scrub: false, and takes the SDK’s scrub options', () => {
    expect(createTunnelScrubber({ scrub: false })).toBeUndefined();
    const scrub = createTunnelScrubber({ scrub: { fields: ['tenant'], redaction: '***' }, sendDefaultPii: true })!;
    const [, items] = scrub([{}, [[{ type: 'event' }, { extra: { tenant: 'acme', ip: '203.0.113.5' } }]]]);
    expect(items[0]![1]).toEqual({ extra: { tenant: '***', ip: '203.0.113.5' } });
  });
});
