import { createSentryDestination, createTransport, parseEnvelope, type Envelope } from '@faultline/core';
import { makeFetchRequest, startReceiver } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { envelopeQuantities, itemCategory } from '../../src/transports/envelopeQuantities';

describe('itemCategory', () => {
  it('puts session and sessions items in the session category, as Sentry rate limits and client reports name it', () => {
    expect(itemCategory([{ type: 'session' }, {}])).toBe('session');
    expect(itemCategory([{ type: 'sessions' }, {}])).toBe('session');
    expect(itemCategory([{ type: 'event' }, {}])).toBe('error');
  });
});

describe('envelopeQuantities', () => {
  it('counts a crash event and its session update apart, so each is accounted in its own category', () => {
    const envelope: Envelope = [
      {},
      [
        [{ type: 'event' }, {}],
        [{ type: 'session' }, {}],
        [{ type: 'client_report' }, {}],
      ],
    ];
    expect(envelopeQuantities(envelope)).toEqual({ error: 1, session: 1 });
  });
});

describe('the session category in delivery', () => {
  it('keeps sending session updates while errors are rate-limited, and counts what a session limit drops', async () => {
    let limit = 'error';
    const receiver = await startReceiver(() => ({ status: 200, headers: { 'X-Sentry-Rate-Limits': `60:${limit}` } }));
    try {
      const drops: string[] = [];
      const transport = createTransport(
        {
          destination: createSentryDestination({ url: `${receiver.url}/api/1/envelope/` }),
          recordDroppedEvent: (reason, category, quantity = 1) => drops.push(`${reason}:${category}:${quantity}`),
        },
        makeFetchRequest,
      );
      const crash = (): Envelope => [
        { sent_at: new Date().toISOString() },
        [
          [{ type: 'event' }, { event_id: 'a'.repeat(32) }],
          [{ type: 'session' }, { sid: 's', status: 'crashed' }],
        ],
      ];
      await transport.send(crash()); // answered with a limit on errors
      await transport.flush(2000);
      await transport.send(crash());
      await transport.flush(2000);
      const types = receiver.accepted().map((r) => parseEnvelope(r.body)[1].map(([header]) => header.type));
      expect(types).toEqual([['event', 'session'], ['session']]);
      expect(drops).toEqual(['ratelimit_backoff:error:1']);

      limit = 'session';
      await transport.send([{}, [[{ type: 'sessions' }, { aggregates: [] }]]]);
      await transport.flush(2000);
      await transport.send([{}, [[{ type: 'sessions' }, { aggregates: [] }]]]);
      await transport.flush(2000);
      expect(drops).toEqual(['ratelimit_backoff:error:1', 'ratelimit_backoff:session:1']);
    } finally {
      await receiver.close();
    }
  });
});
