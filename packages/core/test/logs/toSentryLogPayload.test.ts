import { describe, expect, it } from 'vitest';
import { toSentryLogPayload } from '../../src/logs/toSentryLogPayload';

describe('toSentryLogPayload', () => {
  it('writes nested attributes as JSON strings (Sentry drops objects) and leaves the others alone', () => {
    const kept = { timestamp: 1, level: 'info', body: 'plain', attributes: { n: { value: 1, type: 'integer' } } };
    const nested = {
      timestamp: 2,
      level: 'info',
      body: 'db connect',
      attributes: {
        db: { value: { host: 'db-1', password: '[Filtered]' }, type: 'object' },
        sessions: { value: [{ token: '[Filtered]' }], type: 'object' },
        region: { value: 'eu', type: 'string' },
      },
    };
    const payload = { items: [kept, nested] };
    const out = toSentryLogPayload(payload) as { items: (typeof nested)[] };
    expect(out.items[0]).toEqual(kept);
    expect(out.items[1]!.attributes).toEqual({
      db: { value: '{"host":"db-1","password":"[Filtered]"}', type: 'string' },
      sessions: { value: '[{"token":"[Filtered]"}]', type: 'string' },
      region: { value: 'eu', type: 'string' },
    });
    // The envelope the Loki destination reads is untouched.
    expect(nested.attributes.db.value).toEqual({ host: 'db-1', password: '[Filtered]' });
  });

  it('leaves records without nested attributes as they are, and anything that is not a log container', () => {
    const payload = { items: [{ timestamp: 1, level: 'info', body: 'x' }] };
    expect(toSentryLogPayload(payload)).toEqual(payload);
    expect(toSentryLogPayload('text')).toBe('text');
    expect(toSentryLogPayload({ other: 1 })).toEqual({ other: 1 });
  });

  it('cuts a nested attribute’s text at 8 KiB', () => {
    const big = { value: { text: 'z'.repeat(20_000) }, type: 'object' };
    const out = toSentryLogPayload({ items: [{ timestamp: 1, level: 'info', body: 'b', attributes: { big } }] }) as {
      items: { attributes: { big: { value: string } } }[];
    };
    expect(out.items[0]!.attributes.big.value.length).toBe(8193);
  });
});
