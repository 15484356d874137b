import { captureException, captureMessage, flush } from '@faultline/core';
import type { Integration } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';

function clientReports(record: ReturnType<typeof initForTest>['record']) {
  return record.items('client_report') as {
    discarded_events: { reason: string; category: string; quantity: number }[];
  }[];
}

describe('runPipeline', () => {
  beforeEach(() => resetCarrier());

  it('says with debug: true which step dropped an event and why', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      const dropAll: Integration = { name: 'DropAll', processEvent: () => null };
      initForTest({ debug: true, integrations: [dropAll] });
      captureException(new Error('dropped'));
      await flush(1000);
      initForTest({ debug: true, beforeSend: () => null });
      captureException(new Error('dropped too'));
      await flush(1000);
    } finally {
      spy.mockRestore();
    }
    expect(lines.filter((line) => line.includes('[faultline]') && /dropped/i.test(line))).toEqual([
      expect.stringContaining('DropAll dropped an event'),
      expect.stringContaining('Dropped an event (event_processor)'),
      expect.stringContaining('Dropped an event (before_send)'),
    ]);
  });

  it('runs processEvent, then sampling, then beforeSend, in that order', async () => {
    const order: string[] = [];
    const tracer: Integration = { name: 'Tracer', processEvent: (event) => (order.push('processEvent'), event) };
    const { record } = initForTest({
      integrations: [tracer],
      errorsSampler: () => (order.push('sampler'), 1),
      beforeSend: (event) => (order.push('beforeSend'), event),
    });
    captureException(new Error('x'));
    await flush(1000);
    expect(order).toEqual(['processEvent', 'sampler', 'beforeSend']);
    expect(record.events()).toHaveLength(1);
  });

  it('counts every drop by reason and sends the counts as a client report on flush', async () => {
    let n = 0;
    const dropEveryThird: Integration = { name: 'DropThird', processEvent: (event) => (++n % 3 === 0 ? null : event) };
    const { record } = initForTest({
      integrations: [dropEveryThird],
      errorsSampler: (event) => (event.exception?.values[0]?.value === 'unsampled' ? 0 : 1),
      beforeSend: (event) => (event.exception?.values[0]?.value === 'vetoed' ? null : event),
    });
    captureException(new Error('kept')); // 1
    captureException(new Error('unsampled')); // 2
    captureException(new Error('any')); // 3: dropped by the integration
    captureException(new Error('vetoed')); // 4
    await flush(1000);
    expect(record.events().map((e) => e.exception!.values[0]!.value)).toEqual(['kept']);
    const [report] = clientReports(record);
    expect(report!.discarded_events).toEqual(
      expect.arrayContaining([
        { reason: 'sample_rate', category: 'error', quantity: 1 },
        { reason: 'event_processor', category: 'error', quantity: 1 },
        { reason: 'before_send', category: 'error', quantity: 1 },
      ]),
    );
  });

  it('sends nothing at sampleRate 0 and everything at 1', async () => {
    const { record } = initForTest({ sampleRate: 0 });
    for (let i = 0; i < 20; i++) captureException(new Error(`e${i}`));
    await flush(1000);
    expect(record.events()).toHaveLength(0);
    expect(clientReports(record)[0]!.discarded_events).toEqual([
      { reason: 'sample_rate', category: 'error', quantity: 20 },
    ]);
  });

  it('samples roughly at the configured rate', async () => {
    const { record } = initForTest({
      sampleRate: 0.5,
      integrations: (defaults) => defaults.filter((i) => i.name !== 'Dedupe'),
    });
    // Distinct messages: identical repeats would meet the storm guard's budget, not the sampler.
    for (let i = 0; i < 2000; i++) captureException(new Error(`failure ${i}`));
    await flush(1000);
    expect(record.events().length).toBeGreaterThan(850);
    expect(record.events().length).toBeLessThan(1150);
  });

  it('keeps the event when a hook throws, rather than losing the error', async () => {
    const exploding: Integration = {
      name: 'Exploding',
      processEvent: () => {
        throw new Error('integration bug');
      },
    };
    const { record } = initForTest({
      integrations: [exploding],
      errorsSampler: () => {
        throw new Error('sampler bug');
      },
      beforeSend: () => {
        throw new Error('beforeSend bug');
      },
    });
    const id = captureException(new Error('precious'));
    await flush(1000);
    expect(record.events()).toMatchObject([{ event_id: id }]);
  });

  it('keeps the event when an asynchronous beforeSend rejects', async () => {
    const { record } = initForTest({ beforeSend: () => Promise.reject(new Error('nope')) });
    captureException(new Error('precious'));
    await flush(1000);
    expect(record.events()).toHaveLength(1);
  });

  it('lets an integration change the event', async () => {
    const tagger: Integration = {
      name: 'Tagger',
      processEvent: (event) => ({ ...event, tags: { ...event.tags, t: 1 } }),
    };
    const { record } = initForTest({ integrations: [tagger] });
    captureException(new Error('x'));
    await flush(1000);
    expect(record.events()[0]!.tags).toEqual({ t: 1 });
  });
});

describe('client reports', () => {
  beforeEach(() => resetCarrier());

  it('ride along with the next event instead of costing a request of their own', async () => {
    const { record } = initForTest({ beforeSend: (event) => (event.message?.startsWith('drop me') ? null : event) });
    captureMessage('drop me');
    captureMessage('drop me too', 'warning');
    captureMessage('keep me');
    await flush(100);
    expect(record.bodies).toHaveLength(1);
    const [, items] = record.envelopes()[0]!;
    expect(items.map(([headers]) => headers.type)).toEqual(['event', 'client_report']);
    expect(items[1]![1]).toMatchObject({
      discarded_events: [{ reason: 'before_send', category: 'error', quantity: 2 }],
    });
  });
});
