import { describe, expect, it } from 'vitest';
import { createSentryDestination } from '../../src/transports/createSentryDestination';
import { createDestinationHealth } from '../../src/transports/createDestinationHealth';
import type { QueueEntry } from '../../src/transports/createEnvelopeQueue';
import { createHandOff } from '../../src/transports/createHandOff';
import { systemClock } from '../../src/transports/systemClock';
import { createSteppedClock } from '@faultline/test-utils';

const entry = (id: string, state: QueueEntry['state'] = 'queued'): QueueEntry => ({
  id,
  createdAt: 0,
  bornAt: 0,
  bytes: 8,
  gzip: false,
  quantities: { error: 1 },
  body: `{"sent_at":"x"}\n${id}`,
  state,
  attempts: 0,
  notBefore: 0,
  journaled: true,
});

describe('createHandOff', () => {
  it('offers what may be handed off, stamped for now, and settles only what the delivery took', async () => {
    const entries = [entry('on the wire', 'sending'), entry('taken'), entry('declined')];
    const settled: string[] = [];
    const pageHide = createHandOff({
      clock: systemClock,
      entries: () => entries,
      health: createDestinationHealth(() => 1000),
      limitedUntil: () => 0,
      destination: createSentryDestination({ url: 'https://o.example.com/api/1/envelope/' }),
      settle: (settledEntry) => settled.push(settledEntry.id),
    });
    const offered: string[] = [];
    await pageHide.handOff((request) => {
      offered.push(String(request.body));
      return !String(request.body).includes('declined');
    });
    expect(offered.map((body) => body.split('\n')[1])).toEqual(['taken', 'declined']);
    expect(offered[0]).toMatch(/^{"sent_at":"\d{4}-/); // sent_at says when it was handed off
    expect(settled).toEqual(['taken']);
  });

  it('lets a flush lift a pause, except in the moment a page goes away (on the monotonic clock)', async () => {
    const clock = createSteppedClock();
    const pageHide = createHandOff({
      clock,
      entries: () => [],
      health: createDestinationHealth(() => 1000),
      limitedUntil: () => 0,
      destination: createSentryDestination({ url: 'https://o.example.com/api/1/envelope/' }),
      settle: () => undefined,
    });
    expect(pageHide.mayResume()).toBe(true);
    await pageHide.handOff(() => true);
    expect(pageHide.mayResume()).toBe(false);
    clock.stepWall(-60_000); // a wall-clock step back changes nothing
    expect(pageHide.mayResume()).toBe(false);
    await clock.advance(1000);
    expect(pageHide.mayResume()).toBe(true);
  });
});
