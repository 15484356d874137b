import { captureException, flush } from '@faultline/core';
import type { CoreOptions } from '@faultline/core';
import { initForTest, resetCarrier, type TestTransportRecord } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface ClientReport {
  discarded_events: { reason: string; category: string; quantity: number }[];
}

/** Every drop the client reported, summed by reason, from the client reports on the wire. */
function dropped(record: TestTransportRecord): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const report of record.items('client_report') as ClientReport[]) {
    for (const { reason, quantity } of report.discarded_events) totals[reason] = (totals[reason] ?? 0) + quantity;
  }
  return totals;
}

// One throw site each: a crash loop repeats one error, an order failure differs by its order id.
const crash = () => new Error('ECONNREFUSED 10.0.0.1:5432');
const orderFailed = (id: number) => new Error(`Payment for order ${id} failed`);
const withoutDedupe: CoreOptions['integrations'] = (defaults) => defaults.filter((i) => i.name !== 'Dedupe');

describe('createStormGuard (through the pipeline)', () => {
  beforeEach(() => resetCarrier());
  afterEach(() => vi.useRealTimers());

  it('caps a crash loop of 10,000 identical errors at 100 a minute and counts the other 9,900 as storm_guard', async () => {
    // Dedupe off: what is left to cap a loop is the guard (as when other events separate the repeats).
    const { record } = initForTest({ integrations: withoutDedupe });
    for (let i = 0; i < 10_000; i++) captureException(crash());
    await flush(1000);
    expect(record.events()).toHaveLength(100);
    expect(dropped(record)).toEqual({ storm_guard: 9_900 });
  });

  it('with the defaults, accounts for all 10,000: one sent, the identical repeats dropped by dedupe', async () => {
    const { record } = initForTest();
    for (let i = 0; i < 10_000; i++) captureException(crash());
    await flush(1000);
    expect(record.events()).toHaveLength(1);
    expect(dropped(record)).toEqual({ event_processor: 9_999 });
  });

  it('caps the loop and lets every distinct failure through when the two interleave', async () => {
    const { record } = initForTest();
    // Each crash follows an order failure, so none is identical to the previous event: dedupe keeps them all.
    for (let i = 0; i < 10_000; i++) {
      captureException(crash());
      captureException(orderFailed(i));
    }
    await flush(1000);
    const values = record.events().map((e) => e.exception!.values.at(-1)!.value);
    expect(values.filter((v) => v.startsWith('ECONNREFUSED'))).toHaveLength(100);
    expect(values.filter((v) => v.startsWith('Payment'))).toHaveLength(10_000);
    expect(dropped(record)).toEqual({ storm_guard: 9_900 });
  });

  it('lets 1,000 errors from one site with distinct messages all through', async () => {
    const { record } = initForTest();
    for (let i = 0; i < 1_000; i++) captureException(orderFailed(i));
    await flush(1000);
    expect(new Set(record.events().map((e) => e.exception!.values[0]!.value)).size).toBe(1_000);
    expect(dropped(record)).toEqual({});
  });

  it('gives each repeated error a new budget once its window has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { record } = initForTest({ integrations: withoutDedupe, stormGuard: { limit: 3, windowMs: 1000 } });
    // [ms later, errors]; captured from one line, as an anonymous caller's line is part of the fingerprint.
    const steps = [
      [0, 5],
      [999, 1],
      [1, 5],
    ];
    for (const [later, count] of steps) {
      vi.setSystemTime(Date.now() + later!);
      for (let i = 0; i < count!; i++) captureException(crash());
    }
    await flush(1000);
    expect(record.events()).toHaveLength(6);
    expect(dropped(record)).toEqual({ storm_guard: 5 });
  });

  it('is switched off by stormGuard: false', async () => {
    const { record } = initForTest({ integrations: withoutDedupe, stormGuard: false });
    for (let i = 0; i < 500; i++) captureException(crash());
    await flush(1000);
    expect(record.events()).toHaveLength(500);
  });

  it('remembers a bounded number of errors, forgetting the least recently seen first', async () => {
    const { record } = initForTest({ integrations: withoutDedupe, stormGuard: { limit: 1 } });
    // Then the oldest again, forgotten (a fresh budget, rather than unbounded state), and a recent one.
    const ids = [...Array.from({ length: 5_000 }, (_, i) => i), 0, 4_999];
    for (const id of ids) captureException(orderFailed(id));
    await flush(1000);
    expect(record.events()).toHaveLength(5_001);
    expect(dropped(record)).toEqual({ storm_guard: 1 });
  });
});
