import { monotonicNow } from '../monotonicNow';
import { setTimer } from '../timers';
import type { DeliveryClock } from './types';

/** The clocks delivery runs on outside tests: `performance.now()` for delays, `Date.now()` for the wire. */
export const systemClock: DeliveryClock = {
  now: monotonicNow,
  wall: () => Date.now(),
  setTimer: (callback, ms) => setTimer(callback, ms),
};
