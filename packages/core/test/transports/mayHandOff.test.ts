import { describe, expect, it } from 'vitest';
import { createDestinationHealth, STEADY_MS } from '../../src/transports/createDestinationHealth';
import { mayHandOff, type HandOffInput } from '../../src/transports/mayHandOff';

const now = 1_000_000;
const healthy = () => createDestinationHealth(() => 1000);
const failing = (pauseUntil = 0) => {
  const health = healthy();
  health.failed(health.start(), now - 10, pauseUntil);
  return health;
};
const queued: HandOffInput['entry'] = { state: 'queued', notBefore: 0, body: 'envelope' };
const judge = (overrides: Partial<HandOffInput>): boolean =>
  mayHandOff({ health: healthy(), limitedUntil: 0, entry: queued, now, ...overrides });

describe('mayHandOff', () => {
  it('hands off a queued entry while the destination is steady, or could not have failed yet', () => {
    expect(judge({})).toBe(true);
    const recovered = failing();
    recovered.succeeded();
    expect(judge({ health: recovered, now: now - 10 + STEADY_MS })).toBe(true);
  });

  it('keeps every entry while a destination that answers again failed less than 30 s ago (flapping, or just back)', () => {
    // Found by the reload storm (a receiver flapping 503/200 every 700 ms): a page whose last answer was a
    // success beaconed its envelopes into the next 503, lost without a count.
    const flapping = failing();
    flapping.succeeded();
    expect(flapping.isHealthy()).toBe(true);
    expect(judge({ health: flapping })).toBe(false);
    expect(judge({ health: flapping, now: now - 11 + STEADY_MS })).toBe(false);
    // An answer to a request of an outage already counted is a failure all the same.
    const late = healthy();
    const stamp = late.start();
    late.failed(stamp, now - 20_000);
    late.succeeded();
    late.failed(stamp, now - 5);
    expect(judge({ health: late, now: now - 5 + STEADY_MS - 1 })).toBe(false);
    expect(judge({ health: late, now: now - 5 + STEADY_MS })).toBe(true);
  });

  it('keeps every entry while the destination fails, even once a flush lifted its pause', () => {
    expect(judge({ health: failing() })).toBe(false);
    const resumed = failing(now + 60_000);
    resumed.resume(); // the page became visible, or the network came back: a probe may go, not a beacon
    expect(resumed.pausedUntil()).toBe(0);
    expect(judge({ health: resumed })).toBe(false);
  });

  it('keeps an entry whose category is rate limited, and hands it off once the limit is over', () => {
    expect(judge({ limitedUntil: now + 1 })).toBe(false);
    expect(judge({ limitedUntil: now })).toBe(true);
  });

  it('keeps an entry on the wire, one whose body is not in memory, and one waiting out its own backoff', () => {
    expect(judge({ entry: { ...queued, state: 'sending' } })).toBe(false);
    expect(judge({ entry: { ...queued, body: undefined } })).toBe(false);
    expect(judge({ entry: { state: 'waiting', notBefore: now + 500, body: 'envelope' } })).toBe(false);
    expect(judge({ entry: { state: 'waiting', notBefore: now, body: 'envelope' } })).toBe(true);
  });
});
