import { parseSentryTrace, parseTraceparent } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { formatBaggage, formatSentryTrace, formatTraceparent } from '../../src/tracing/traceHeaders';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const SPAN = 'b7ad6b7169203331';

describe('parseTraceparent', () => {
  it('reads trace id, parent span and the sampled flag', () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, parentSpanId: SPAN, sampled: true });
    expect(parseTraceparent(`00-${TRACE.toUpperCase()}-${SPAN}-00`)).toEqual({
      traceId: TRACE,
      parentSpanId: SPAN,
      sampled: false,
    });
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-03-future`)?.sampled).toBe(true);
  });

  it.each([
    undefined,
    '',
    'garbage',
    `ff-${TRACE}-${SPAN}-01`,
    `00-${'0'.repeat(32)}-${SPAN}-01`,
    `00-${TRACE}-${'0'.repeat(16)}-01`,
    `00-${TRACE}-${SPAN}`,
  ])('refuses %j', (header) => expect(parseTraceparent(header)).toBeUndefined());
});

describe('parseSentryTrace', () => {
  it('reads with and without the sampled flag', () => {
    expect(parseSentryTrace(`${TRACE}-${SPAN}-1`)).toEqual({ traceId: TRACE, parentSpanId: SPAN, sampled: true });
    expect(parseSentryTrace(`${TRACE}-${SPAN}`)).toEqual({ traceId: TRACE, parentSpanId: SPAN, sampled: undefined });
    expect(parseSentryTrace('nope')).toBeUndefined();
  });
});

describe('formatting', () => {
  const context = { traceId: TRACE, spanId: SPAN, sampled: true };
  it('writes traceparent, sentry-trace and baggage', () => {
    expect(formatTraceparent(context)).toBe(`00-${TRACE}-${SPAN}-01`);
    expect(formatTraceparent({ traceId: TRACE, spanId: SPAN })).toBe(`00-${TRACE}-${SPAN}-00`);
    expect(formatSentryTrace(context)).toBe(`${TRACE}-${SPAN}-1`);
    expect(formatBaggage(context, { publicKey: 'pk', release: 'a b@1' })).toBe(
      `sentry-trace_id=${TRACE},sentry-public_key=pk,sentry-release=a%20b%401,sentry-sampled=true`,
    );
  });
});
