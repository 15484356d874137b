import { describe, expect, it } from 'vitest';
import type { SentryOnlyOptions } from '@faultline/core';
import { isSentryOnlyOption } from '../../src/options/sentryOnlyOptions';

// Every key of the type, spelled out: a key added to the interface but not to the list fails here.
const DECLARED: Record<keyof SentryOnlyOptions, true> = {
  beforeSendSpan: true,
  beforeSendTransaction: true,
  cdnBaseUrl: true,
  defaultIntegrations: true,
  enableTracing: true,
  ignoreSpans: true,
  ignoreTransactions: true,
  includeLocalVariables: true,
  parentSpanIsAlwaysRootSpan: true,
  profilesSampleRate: true,
  profilesSampler: true,
  replaysOnErrorSampleRate: true,
  replaysSessionSampleRate: true,
  sendClientReports: true,
  skipOpenTelemetrySetup: true,
  spotlight: true,
  stackParser: true,
  tracesSampleRate: true,
  tracesSampler: true,
  transportOptions: true,
  _experiments: true,
};

describe('isSentryOnlyOption', () => {
  it('knows every option of SentryOnlyOptions', () => {
    expect(Object.keys(DECLARED).filter((key) => !isSentryOnlyOption(key))).toEqual([]);
  });

  it('knows nothing else, not even a part of a name or a name with other case', () => {
    for (const key of ['dsn', 'tracesSample', 'TracesSampleRate', 'spotlight ', '', 'tracesSampleRate spotlight']) {
      expect(isSentryOnlyOption(key)).toBe(false);
    }
  });
});
