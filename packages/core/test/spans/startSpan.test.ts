import {
  captureMessage,
  continueTrace,
  flush,
  getActiveSpan,
  getRootSpan,
  getSpanDescendants,
  getTraceHeaders,
  spanToJSON,
  startInactiveSpan,
  startSpan,
  startSpanManual,
  withActiveSpan,
} from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

const INCOMING = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('startSpan', () => {
  beforeEach(() => resetCarrier());

  it('runs the callback with a span and returns its value; the event inside carries the span in contexts.trace', async () => {
    const { record } = initForTest();
    const seen = continueTrace({ traceparent: INCOMING }, () =>
      startSpan({ name: 'load-user', op: 'db.query', attributes: { table: 'users' } }, (span) => {
        captureMessage('inside');
        expect(getActiveSpan()).toBe(span);
        expect(getTraceHeaders().traceparent).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
        return span;
      }),
    );
    captureMessage('outside');
    await flush(1000);
    const [inside, outside] = record.events();
    const { traceId, spanId } = seen.spanContext();
    expect(traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(inside!.contexts!.trace).toMatchObject({ trace_id: traceId, span_id: spanId });
    expect(outside!.contexts!.trace!.span_id).not.toBe(spanId);
    expect(getActiveSpan()).toBeUndefined();
    expect(spanToJSON(seen)).toMatchObject({
      description: 'load-user',
      name: 'load-user',
      op: 'db.query',
      data: { table: 'users', 'sentry.op': 'db.query' },
      span_id: spanId,
      trace_id: traceId,
      timestamp: expect.any(Number),
    });
  });

  it('returns the promise of an async callback and ends the span when it settles; a rejection marks it failed', async () => {
    initForTest();
    let span: ReturnType<typeof startInactiveSpan> | undefined;
    const value = await startSpan({ name: 'async' }, async (s) => {
      span = s;
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(spanToJSON(s).timestamp).toBeUndefined(); // still running
      return 42;
    });
    expect(value).toBe(42);
    expect(spanToJSON(span!).timestamp).toBeGreaterThan(0);
    await expect(
      startSpan({ name: 'fails' }, async (s) => ((span = s), Promise.reject(new Error('no')))),
    ).rejects.toThrow('no');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(spanToJSON(span!).status).toBe('internal_error');
    expect(() =>
      startSpan({ name: 'throws' }, () => {
        throw new Error('sync');
      }),
    ).toThrow('sync');
  });

  it('nests: a child span has the parent as parent span, the same trace, and the parent as root', () => {
    initForTest();
    const [parent, child] = startSpan({ name: 'parent' }, (p) => [p, startSpan({ name: 'child' }, (c) => c)] as const);
    expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(spanToJSON(child).parent_span_id).toBe(parent.spanContext().spanId);
    expect(getRootSpan(child)).toBe(parent);
    expect(getSpanDescendants(parent)).toEqual([parent, child]);
    expect(spanToJSON(startSpan({ name: 'root', parentSpan: null }, (s) => s)).parent_span_id).toBeUndefined();
  });

  it('runs user code even before init (no client): the span still has ids', () => {
    resetCarrier();
    expect(startSpan({ name: 'no sdk' }, (span) => span.spanContext().traceId)).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('startSpanManual, startInactiveSpan and withActiveSpan', () => {
  beforeEach(() => resetCarrier());

  it('keeps a manual span open until finish() and makes an inactive span active only inside withActiveSpan', async () => {
    const { record } = initForTest();
    const manual = startSpanManual({ name: 'manual' }, (span, finish) => {
      finish();
      return span;
    });
    expect(spanToJSON(manual).timestamp).toBeGreaterThan(0);
    const inactive = startInactiveSpan({ name: 'background' });
    expect(getActiveSpan()).toBeUndefined();
    withActiveSpan(inactive, () => {
      expect(getActiveSpan()).toBe(inactive);
      captureMessage('in the inactive span');
      withActiveSpan(null, () => {
        expect(getActiveSpan()).toBeUndefined();
        captureMessage('with no active span');
      });
    });
    await flush(1000);
    const [inSpan, noSpan] = record.events();
    expect(inSpan!.contexts!.trace!.span_id).toBe(inactive.spanContext().spanId);
    expect(noSpan!.contexts!.trace!.span_id).not.toBe(inactive.spanContext().spanId);
    expect(noSpan!.contexts!.trace!.trace_id).toBe(inactive.spanContext().traceId);
  });

  it('does nothing but run the callback with onlyIfParent and no parent', () => {
    initForTest();
    startSpan({ name: 'orphan', onlyIfParent: true }, () => expect(getActiveSpan()).toBeUndefined());
  });
});
