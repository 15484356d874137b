import { continueTrace, getTraceData, getTraceMetaTags, startSpan } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

describe('getTraceData and getTraceMetaTags', () => {
  beforeEach(() => resetCarrier());

  it('give the current trace as sentry-trace, baggage and traceparent, and as meta tags', () => {
    initForTest({ release: 'shop@1', environment: 'prod' });
    continueTrace({ 'sentry-trace': '0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-1' }, () => {
      const data = getTraceData();
      expect(data['sentry-trace']).toMatch(/^0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-1$/);
      expect(data.baggage).toBe(
        'sentry-trace_id=0af7651916cd43dd8448eb211c80319c,sentry-public_key=public,sentry-release=shop%401,sentry-environment=prod,sentry-sampled=true',
      );
      expect(data.traceparent).toBe(`00-0af7651916cd43dd8448eb211c80319c-${data['sentry-trace']!.split('-')[1]}-01`);
      startSpan({ name: 'render' }, (span) => {
        expect(getTraceData()['sentry-trace']).toBe(`0af7651916cd43dd8448eb211c80319c-${span.spanContext().spanId}-1`);
        expect(getTraceMetaTags()).toContain(
          `<meta name="sentry-trace" content="0af7651916cd43dd8448eb211c80319c-${span.spanContext().spanId}-1"/>`,
        );
      });
    });
  });

  it('are empty before init', () => {
    expect(getTraceData()).toEqual({});
    expect(getTraceMetaTags()).toBe('');
  });
});
