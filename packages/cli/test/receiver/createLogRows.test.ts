import { describe, expect, it } from 'vitest';
import { createLogRows } from '../../src/receiver/createLogRows';
import type { StoredLog } from '../../src/receiver/types';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const viaDsn = (body: string, timestamp = 1_700_000_000_000, extra: Partial<StoredLog> = {}): StoredLog => ({
  timestamp,
  level: 'info',
  body,
  traceId: TRACE,
  attributes: { 'service.name': 'checkout-api', cart: 'c-77' },
  source: 'sentry',
  service: 'checkout-api',
  ...extra,
});
const viaLoki = (body: string, timestamp = 1_700_000_000_000, extra: Partial<StoredLog> = {}): StoredLog => ({
  timestamp,
  level: 'info',
  body,
  traceId: TRACE,
  attributes: { cart: 'c-77', labels: { service_name: 'checkout-api', source: 'node' } },
  source: 'loki',
  ...extra,
});

describe('createLogRows', () => {
  it('shows a record that arrived through the DSN and through Loki as one row with both sources, in either order', () => {
    const rows = createLogRows();
    expect(rows.add(viaDsn('checkout started'), 200)).toMatchObject({ merged: false });
    expect(rows.add(viaLoki('payment provider slow', 1_700_000_000_001), 200)).toMatchObject({ merged: false });
    expect(rows.add(viaLoki('checkout started'), 200)).toMatchObject({ merged: true });
    expect(rows.add(viaDsn('payment provider slow', 1_700_000_000_001), 200)).toMatchObject({ merged: true });
    expect(rows.list().map((row) => [row.body, row.sources, row.service])).toEqual([
      ['checkout started', ['sentry', 'loki'], 'checkout-api'],
      ['payment provider slow', ['loki', 'sentry'], 'checkout-api'],
    ]);
    // What only one copy carried is shown too: Loki's labels beside the DSN's attributes.
    expect(rows.list()[0]!.attributes).toMatchObject({ 'service.name': 'checkout-api', labels: { source: 'node' } });
    expect(rows.size).toBe(2);
  });

  it('keeps apart records that only look alike: another trace, another time, or a second copy from the same source', () => {
    const rows = createLogRows();
    rows.add(viaDsn('tick'), 100);
    rows.add(viaLoki('tick', 1_700_000_000_000, { traceId: 'f'.repeat(32) }), 100);
    rows.add(viaLoki('tick', 1_700_000_000_002), 100);
    rows.add(viaDsn('tick'), 100); // the same message twice in one millisecond: two records
    expect(rows.list().map((row) => row.sources)).toEqual([['sentry'], ['loki'], ['loki'], ['sentry']]);
    // Two such records sent both ways: two rows, each with both sources.
    rows.add(viaLoki('tick'), 100);
    rows.add(viaLoki('tick'), 100);
    expect(rows.list().map((row) => row.sources)).toEqual([['sentry', 'loki'], ['loki'], ['loki'], ['sentry', 'loki']]);
  });

  it('names the service from records stored before the receiver kept it (attributes or Loki labels)', () => {
    const rows = createLogRows();
    rows.add({ ...viaDsn('a'), service: undefined }, 100);
    rows.add({ ...viaLoki('b', 5), service: undefined }, 100);
    expect(rows.list().map((row) => row.service)).toEqual(['checkout-api', 'checkout-api']);
  });

  it('stays bounded: the oldest rows go, and a copy arriving after its row went makes a new row', () => {
    const rows = createLogRows();
    for (let i = 0; i < 5001; i++) rows.add(viaDsn(`line ${i}`, i), 100);
    expect(rows.size).toBe(5000);
    expect(rows.list()[0]!.body).toBe('line 1');
    rows.add(viaLoki('line 0', 0), 100);
    expect(rows.list().at(-1)).toMatchObject({ body: 'line 0', sources: ['loki'] });
    rows.add(viaLoki('line 4000', 4000), 100);
    expect(rows.list().find((row) => row.body === 'line 4000')!.sources).toEqual(['sentry', 'loki']);
  });

  it('filters by level, trace id and text (message or attributes, any case)', () => {
    const rows = createLogRows();
    rows.add(viaDsn('Cart loaded'), 100);
    rows.add(viaDsn('Stock low', 1, { level: 'warn', traceId: 'e'.repeat(32), attributes: { sku: 'SKU-55' } }), 100);
    expect(rows.list({ level: 'warn' }).map((row) => row.body)).toEqual(['Stock low']);
    expect(rows.list({ traceId: TRACE }).map((row) => row.body)).toEqual(['Cart loaded']);
    expect(rows.list({ text: 'sku-55' }).map((row) => row.body)).toEqual(['Stock low']);
  });
});
