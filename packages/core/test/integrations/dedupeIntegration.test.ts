import { captureEvent, captureException, captureMessage, dedupeIntegration, flush } from '@faultline/core';
import type { Client, Event } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

function failAt(site: string): Error {
  if (site === 'a') return new Error('same message');
  return new Error('same message');
}

const values = (events: Event[]) => events.map((e) => e.exception?.values.at(-1)?.value ?? e.message);

describe('dedupeIntegration', () => {
  beforeEach(() => resetCarrier());

  it('drops an event identical to the previous one: same type, message and frames with lines', async () => {
    const { record } = initForTest();
    // One site, so the frames (file, line, column, function) are the same each time.
    for (let i = 0; i < 3; i++) captureException(new Error('A failed'));
    for (let i = 0; i < 3; i++) captureMessage('hello');
    await flush(100);
    expect(values(record.events())).toEqual(['A failed', 'hello']);
  });

  it('keeps repeats that other events separate (other requests and users are real data)', async () => {
    const { record } = initForTest();
    const errorA = () => new Error('A failed');
    const errorB = () => new TypeError('B failed');
    for (let i = 0; i < 3; i++) {
      captureException(errorA());
      captureException(errorB());
    }
    await flush(100);
    expect(values(record.events())).toEqual(['A failed', 'B failed', 'A failed', 'B failed', 'A failed', 'B failed']);
  });

  it('keeps events that differ in message, in type, or in the line they were thrown from', async () => {
    const { record } = initForTest();
    captureException(new Error('user 1 not found'));
    captureException(new Error('user 2 not found'));
    captureException(failAt('a'));
    captureException(failAt('b'));
    captureException(new TypeError('same message'));
    await flush(100);
    expect(record.events()).toHaveLength(5);
  });

  it('compares custom fingerprints, and never drops an event with neither message nor exception', async () => {
    const { record } = initForTest();
    const same = () => captureMessage('query failed', { fingerprint: ['db'] });
    same();
    same();
    captureMessage('query failed', { fingerprint: ['cache'] });
    captureEvent({ extra: { n: 1 } });
    captureEvent({ extra: { n: 1 } });
    await flush(100);
    expect(record.events().map((e) => e.fingerprint ?? e.extra)).toEqual([['db'], ['cache'], { n: 1 }, { n: 1 }]);
  });

  it('keeps each client’s previous event to itself: a new instance starts with none', () => {
    const first = dedupeIntegration();
    const second = dedupeIntegration();
    const event = (): Event => ({ message: 'm' });
    const client = {} as Client;
    expect(first.processEvent!(event(), {}, client)).not.toBeNull();
    expect(first.processEvent!(event(), {}, client)).toBeNull();
    expect(second.processEvent!(event(), {}, client)).not.toBeNull();
  });

  it('never drops a capture run again with its own id (the browser entry ran it at page hide, the pipeline runs it again)', () => {
    const dedupe = dedupeIntegration();
    const client = {} as Client;
    const event = (id: string): Event => ({ event_id: id, message: 'm' });
    expect(dedupe.processEvent!(event('a'), {}, client)).not.toBeNull();
    expect(dedupe.processEvent!(event('a'), {}, client)).not.toBeNull();
    expect(dedupe.processEvent!(event('b'), {}, client)).toBeNull();
  });
});

describe('dedupeIntegration and shared causes', () => {
  beforeEach(() => resetCarrier());

  it('keeps distinct errors that share one root cause (Sentry drops all but the first)', async () => {
    const { record } = initForTest();
    const refused = new Error('connect ECONNREFUSED 10.0.0.1:5432');
    const wrap = (message: string) => new Error(message, { cause: refused });
    captureException(wrap('Loading cart failed'));
    captureException(wrap('Saving order failed'));
    await flush(100);
    expect(values(record.events())).toEqual(['Loading cart failed', 'Saving order failed']);
  });
});
