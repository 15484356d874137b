import { captureEvent, captureException, flush, type Event } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

const eventFrom = (filename: string, value = 'x'): Event => ({
  exception: { values: [{ type: 'Error', value, stacktrace: { frames: [{ filename, function: 'f' }] } }] },
});

describe('eventFiltersIntegration', () => {
  beforeEach(() => resetCarrier());

  it('drops errors matching ignoreErrors by substring or RegExp, on the value or "Type: value"', async () => {
    const { record } = initForTest({ ignoreErrors: ['ResizeObserver loop', /^TypeError: cancell?ed$/] });
    captureException(new Error('ResizeObserver loop limit exceeded'));
    captureException(new TypeError('canceled'));
    captureException(new Error('canceled'));
    await flush(100);
    expect(record.events().map((e) => `${e.exception!.values[0]!.type}: ${e.exception!.values[0]!.value}`)).toEqual([
      'Error: canceled',
    ]);
  });

  it('drops errors thrown from denyUrls and keeps only allowUrls', async () => {
    const { record } = initForTest({ denyUrls: [/extensions\//], allowUrls: ['https://shop.example.com'] });
    captureEvent(eventFrom('chrome-extension://abc/extensions/x.js', 'denied'));
    captureEvent(eventFrom('https://ads.example.net/a.js', 'not allowed'));
    captureEvent(eventFrom('https://shop.example.com/app.js', 'allowed'));
    await flush(100);
    expect(record.events().map((e) => e.exception!.values[0]!.value)).toEqual(['allowed']);
  });
});
