import type { Transport } from '../client/types';
import type { QueueEntry } from './createEnvelopeQueue';
import type { DestinationHealth } from './createDestinationHealth';
import { mayHandOff } from './mayHandOff';
import { requestFor } from './requestFor';
import type { DeliveryClock, Destination } from './types';

/** A flush this soon after a page-hide hand-off is part of it. */
const QUIET_MS = 250;

export interface HandOffSource {
  /** `now` (monotonic) for every comparison with the queue's times; `wall` for `sent_at` only. */
  clock: Pick<DeliveryClock, 'now' | 'wall'>;
  entries(): Iterable<QueueEntry>;
  health: Pick<DestinationHealth, 'isSteady' | 'pausedUntil'>;
  /** Until when a rate limit holds one of the entry's categories. */
  limitedUntil(entry: QueueEntry): number;
  destination: Destination;
  /** Done with a handed-off entry: out of the queue, acknowledged in the journal. */
  settle(entry: QueueEntry): void;
}

/**
 * A transport's page-hide hand-off. `handOff` offers `deliver` (a beacon, whose answer is never seen), from
 * memory and synchronously (a page going away may get no further task), each entry `mayHandOff` allows, and
 * settles those it accepts; the rest stays journaled. `mayResume` says whether a flush may lift the
 * destination's pause now: not as the page goes away (the client flushes its logs then), since a request
 * started then is answered to nobody and could only be lost or arrive twice.
 */
export function createHandOff(source: HandOffSource) {
  let leftAt = -Infinity;
  return {
    handOff: ((deliver) => {
      const [now, wallNow] = [(leftAt = source.clock.now()), source.clock.wall()];
      for (const entry of source.entries()) {
        const may = mayHandOff({ health: source.health, limitedUntil: source.limitedUntil(entry), entry, now });
        if (may && deliver(requestFor(source.destination, entry, entry.body!, wallNow))) source.settle(entry);
      }
      return Promise.resolve();
    }) satisfies Transport['handOff'],
    mayResume: (): boolean => source.clock.now() - leftAt > QUIET_MS,
  };
}
