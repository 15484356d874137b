import { captureException, continueTrace, flush, getTraceHeaders, shouldPropagateTo } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const SPAN = 'b7ad6b7169203331';

describe('continueTrace', () => {
  beforeEach(() => resetCarrier());

  it('gives events inside the incoming trace, request id and parent span; outgoing headers continue it', async () => {
    const { record } = initForTest();
    const incoming = { traceparent: `00-${TRACE}-${SPAN}-01`, tracestate: 'vendor=abc', 'X-Request-Id': 'req-123' };
    const outgoing = continueTrace(incoming, () => {
      captureException(new Error('inside'));
      return getTraceHeaders();
    });
    captureException(new Error('outside'));
    await flush(100);
    const [inside, outside] = record.events();
    expect(inside!.contexts!.trace).toMatchObject({ trace_id: TRACE, parent_span_id: SPAN });
    expect(inside!.tags).toMatchObject({ request_id: 'req-123' });
    const spanId = (inside!.contexts!.trace as { span_id: string }).span_id;
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(spanId).not.toBe(SPAN);
    expect(outgoing).toEqual({
      traceparent: `00-${TRACE}-${spanId}-01`,
      tracestate: 'vendor=abc',
      'x-request-id': 'req-123',
    });
    expect(outside!.contexts!.trace).not.toMatchObject({ trace_id: TRACE });
  });

  it('continues sentry-trace when there is no traceparent, and starts a new trace without either', () => {
    initForTest();
    continueTrace({ 'sentry-trace': `${TRACE}-${SPAN}-0` }, () =>
      expect(getTraceHeaders().traceparent).toMatch(`00-${TRACE}-`),
    );
    continueTrace({}, () => expect(getTraceHeaders().traceparent).not.toContain(TRACE));
  });

  it('reads fetch Headers and Node’s header arrays, and ignores request ids that are not plain tokens', () => {
    initForTest();
    const fromHeaders = continueTrace(new Headers({ traceparent: `00-${TRACE}-${SPAN}-01` }), () => getTraceHeaders());
    expect(fromHeaders.traceparent).toContain(TRACE);
    const fromArray = continueTrace({ 'x-request-id': ['first', 'second'] }, () => getTraceHeaders());
    expect(fromArray['x-request-id']).toBe('first');
    const hostile = continueTrace({ 'x-request-id': 'a\nb<script>' }, () => getTraceHeaders());
    expect(hostile['x-request-id']).toBeUndefined();
  });

  it('adds sentry-trace and baggage only with propagateSentryTrace', () => {
    initForTest({ propagateSentryTrace: true, release: 'shop@1' });
    const headers = continueTrace({ traceparent: `00-${TRACE}-${SPAN}-01` }, () => getTraceHeaders());
    expect(headers['sentry-trace']).toMatch(new RegExp(`^${TRACE}-[0-9a-f]{16}-1$`));
    expect(headers.baggage).toContain(`sentry-trace_id=${TRACE},sentry-public_key=public,sentry-release=shop%401`);
    initForTest();
    expect(getTraceHeaders()['sentry-trace']).toBeUndefined();
  });
});

describe('shouldPropagateTo', () => {
  it('matches substrings and RegExps, and nothing without targets', () => {
    expect(shouldPropagateTo('https://api.example.com/cart', ['api.example.com'])).toBe(true);
    expect(shouldPropagateTo('https://cdn.other.com/x', [/^https:\/\/api\./])).toBe(false);
    expect(shouldPropagateTo('https://api.example.com', undefined)).toBe(false);
  });
});
