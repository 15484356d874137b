import { captureException, continueTrace, flush, logger, setUser } from '@faultline/core';
import type { SerializedLog } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const logsOf = (record: ReturnType<typeof initForTest>['record']) =>
  (record.items('log') as { items: SerializedLog[] }[]).flatMap((container) => container.items);

describe('logger', () => {
  beforeEach(() => resetCarrier());
  afterEach(() => vi.useRealTimers());

  it('sends a Sentry log item with typed attributes and the scope’s trace, request and user', async () => {
    const { record } = initForTest({ release: 'shop@1.0.0', environment: 'staging', service: 'checkout' });
    setUser({ id: 42 });
    const before = Date.now() / 1000;
    continueTrace(
      { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', 'x-request-id': 'req-7' },
      () => logger.info('Order placed', { order_id: 'o-981', items: 3, total: 129.9, gift: false, meta: { a: [1] } }),
    );
    await flush(100);
    const [headers, items] = record.envelopes()[0]!;
    expect(headers.sdk).toBeDefined();
    expect(items[0]![0]).toEqual({ type: 'log', item_count: 1, content_type: 'application/vnd.sentry.items.log+json' });
    const [log] = logsOf(record);
    expect(log!.timestamp).toBeGreaterThanOrEqual(before);
    expect(log).toMatchObject({
      level: 'info',
      body: 'Order placed',
      severity_number: 9,
      trace_id: '0af7651916cd43dd8448eb211c80319c',
    });
    expect(log!.attributes).toMatchObject({
      order_id: { value: 'o-981', type: 'string' },
      items: { value: 3, type: 'integer' },
      total: { value: 129.9, type: 'double' },
      gift: { value: false, type: 'boolean' },
      meta: { value: '{"a":[1]}', type: 'string' },
      request_id: { value: 'req-7', type: 'string' },
      'user.id': { value: '42', type: 'string' },
      'sentry.release': { value: 'shop@1.0.0', type: 'string' },
      'sentry.environment': { value: 'staging', type: 'string' },
      'service.name': { value: 'checkout', type: 'string' },
      'sentry.trace.parent_span_id': { value: expect.stringMatching(/^[0-9a-f]{16}$/), type: 'string' },
    });
  });

  it('turns each log into a breadcrumb, so an error carries the lines before it', async () => {
    const { record } = initForTest();
    logger.info('step one', { n: 1 });
    logger.warn('step two');
    captureException(new Error('then it failed'));
    await flush(100);
    const [event] = record.events();
    expect(event!.breadcrumbs!.map((b) => [b.category, b.level, b.message])).toEqual([
      ['log', 'info', 'step one'],
      ['log', 'warning', 'step two'],
    ]);
    // A log without attributes has no `data` on the wire, not a "[undefined]" placeholder.
    expect(event!.breadcrumbs![0]!.data).toEqual({ n: 1 });
    expect(event!.breadcrumbs![1]).not.toHaveProperty('data');
    expect(record.bodies.join('\n')).not.toContain('"[undefined]"');
  });

  it('drops records below minLevel (info by default), and everything with enableLogs: false', async () => {
    const { record } = initForTest();
    logger.debug('hidden');
    logger.error('shown');
    await flush(100);
    expect(logsOf(record).map((l) => l.body)).toEqual(['shown']);

    const quiet = initForTest({ enableLogs: false });
    logger.fatal('not sent');
    await flush(100);
    expect(logsOf(quiet.record)).toEqual([]);

    const verbose = initForTest({ minLevel: 'trace' });
    logger.trace('sent');
    await flush(100);
    expect(logsOf(verbose.record).map((l) => [l.level, l.severity_number])).toEqual([['trace', 1]]);
  });

  it('applies beforeSendLog and counts the records it drops', async () => {
    const { record } = initForTest({
      beforeSendLog: (log) => (log.body.includes('noisy') ? null : { ...log, body: log.body.toUpperCase() }),
    });
    logger.info('noisy health check');
    logger.info('kept');
    await flush(100);
    expect(logsOf(record).map((l) => l.body)).toEqual(['KEPT']);
    const reports = record.items('client_report') as { discarded_events: unknown[] }[];
    expect(reports[0]!.discarded_events).toEqual([{ reason: 'before_send', category: 'log_item', quantity: 1 }]);
  });

  it('binds attributes with child(), the call’s own attributes winning', async () => {
    const { record } = initForTest();
    const child = logger.child({ component: 'cart', region: 'eu' }).child({ region: 'us' });
    child.info('hello', { extra: true });
    await flush(100);
    expect(logsOf(record)[0]!.attributes).toMatchObject({
      component: { value: 'cart' },
      region: { value: 'us' },
      extra: { value: true },
    });
  });

  it('batches: 100 records per envelope, the rest 5 s after the first, the rest on flush', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { record } = initForTest({ integrations: [] });
    for (let i = 0; i < 250; i++) logger.info(`line ${i}`);
    await vi.advanceTimersByTimeAsync(0);
    expect(record.bodies.map((body) => JSON.parse(body.split('\n')[1]!).item_count)).toEqual([100, 100]);
    await vi.advanceTimersByTimeAsync(4900);
    expect(record.bodies).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(record.bodies).toHaveLength(3);
    logger.info('last');
    await flush(100);
    expect(
      logsOf(record)
        .map((l) => l.body)
        .slice(-2),
    ).toEqual(['line 249', 'last']);
  });

  it('is a no-op before init and never throws', () => {
    expect(() => logger.info('early', { x: 1 })).not.toThrow();
  });
});
