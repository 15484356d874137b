import { captureException, captureMessage, dedupeIntegration, flush } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

function failAt(site: string): Error {
  if (site === 'a') return new Error('same message');
  return new Error('same message');
}

describe('dedupeIntegration', () => {
  beforeEach(() => resetCarrier());
  afterEach(() => vi.useRealTimers());

  it('drops repeats that are interleaved with other events, not only back-to-back ones', async () => {
    const { record } = initForTest();
    const errorA = () => new Error('A failed');
    const errorB = () => new TypeError('B failed');
    for (let i = 0; i < 3; i++) {
      captureException(errorA());
      captureException(errorB());
    }
    await flush(100);
    expect(record.events().map((e) => e.exception!.values[0]!.value)).toEqual(['A failed', 'B failed']);
  });

  it('keeps events that differ in message or in where they were thrown', async () => {
    const { record } = initForTest();
    captureException(new Error('user 1 not found'));
    captureException(new Error('user 2 not found'));
    captureException(failAt('a'));
    captureException(failAt('b'));
    captureMessage('hello');
    await flush(100);
    expect(record.events()).toHaveLength(5);
  });

  it('lets the event through again once the window has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { record } = initForTest({ integrations: [dedupeIntegration({ windowMs: 1000 })] });
    const again = () => captureException(new Error('periodic'));
    again();
    vi.setSystemTime(Date.now() + 500);
    again();
    vi.setSystemTime(Date.now() + 1000);
    again();
    await flush(100);
    expect(record.events()).toHaveLength(2);
  });

  it('forgets the oldest keys beyond maxKeys, so memory stays bounded', async () => {
    const { record } = initForTest({ integrations: [dedupeIntegration({ maxKeys: 2 })] });
    for (const message of ['a', 'b', 'c', 'a']) captureMessage(message);
    await flush(100);
    expect(record.events().map((e) => e.message)).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('dedupeIntegration and shared causes', () => {
  beforeEach(() => resetCarrier());

  it('keeps distinct errors that share one root cause (Sentry drops all but the first)', async () => {
    const { record } = initForTest();
    const refused = new Error('connect ECONNREFUSED 10.0.0.1:5432');
    captureException(new Error('Loading cart failed', { cause: refused }));
    captureException(new Error('Saving order failed', { cause: refused }));
    await flush(100);
    expect(record.events().map((e) => e.exception!.values.at(-1)!.value)).toEqual([
      'Loading cart failed',
      'Saving order failed',
    ]);
  });
});
