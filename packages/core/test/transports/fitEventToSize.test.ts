import { captureException, fitEventToSize, flush, init, makeDeliveryTransport, parseEnvelope } from '@faultline/core';
import type { Event } from '@faultline/core';
import { makeFetchRequest, resetCarrier, startReceiver } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const FIVE_MB = 'z'.repeat(5 * 1024 * 1024);

function hugeEvent(): Event {
  const frames = Array.from({ length: 200 }, (_, i) => ({
    function: `fn${i}`,
    filename: '/srv/app.js',
    lineno: i,
    pre_context: ['x'.repeat(5000)],
    vars: { big: 'v'.repeat(5000) },
  }));
  return {
    event_id: 'a'.repeat(32),
    level: 'error',
    exception: { values: [{ type: 'PaymentError', value: 'card declined', stacktrace: { frames } }] },
    breadcrumbs: Array.from({ length: 100 }, (_, i) => ({ message: `crumb ${i}`, data: { blob: 'b'.repeat(20_000) } })),
    extra: { payload: FIVE_MB },
    contexts: { trace: { trace_id: 't'.repeat(32), span_id: 's'.repeat(16) }, app: { blob: FIVE_MB } },
  };
}

describe('fitEventToSize', () => {
  it('returns small events unchanged', () => {
    const event: Event = { message: 'small', extra: { a: 1 } };
    expect(JSON.parse(fitEventToSize(event, 1000))).toEqual(event);
  });

  it('trims a 5 MB event under the limit, least valuable parts first, and says what it trimmed', () => {
    const event = hugeEvent();
    const json = fitEventToSize(event, 1024 * 1024);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(1024 * 1024);
    const fitted = JSON.parse(json) as Event;
    expect(fitted.exception!.values[0]).toMatchObject({ type: 'PaymentError', value: 'card declined' });
    expect(fitted.exception!.values[0]!.stacktrace!.frames.at(-1)!.function).toBe('fn199');
    expect(fitted.contexts!.trace).toEqual(event.contexts!.trace);
    expect(fitted.contexts!.faultline).toMatchObject({ trimmed: expect.arrayContaining(['extra', 'contexts']) });
    expect(event.extra!.payload).toBe(FIVE_MB); // the caller's event is left alone
  });

  it('keeps the essentials even when nothing else fits', () => {
    const json = fitEventToSize(hugeEvent(), 2000);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(2000);
    expect(JSON.parse(json)).toMatchObject({
      exception: { values: [{ type: 'PaymentError', value: 'card declined' }] },
    });
  });

  it('delivers a 5 MB event to a real receiver under 1 MB with its exception intact', async () => {
    resetCarrier();
    const server = await startReceiver();
    try {
      init({
        dsn: `http://key@127.0.0.1:${server.port}/7`,
        transport: makeDeliveryTransport(makeFetchRequest),
        beforeSend: (event) => ({ ...event, extra: { payload: FIVE_MB } }),
      });
      const id = captureException(new TypeError('checkout exploded'));
      expect(await flush(5000)).toBe(true);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.url).toMatch(/^\/api\/7\/envelope\/\?sentry_version=7&sentry_key=key/);
      expect(Buffer.byteLength(server.requests[0]!.body)).toBeLessThan(1024 * 1024);
      const [, [[, payload]]] = parseEnvelope(server.requests[0]!.body) as [unknown, [[unknown, Event]]];
      expect(payload.event_id).toBe(id);
      expect(payload.exception!.values[0]).toMatchObject({ type: 'TypeError', value: 'checkout exploded' });
      expect(payload.contexts!.faultline).toMatchObject({ trimmed: ['breadcrumbs', 'extra'] });
    } finally {
      await server.close();
    }
  });
});
