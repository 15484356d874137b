import type { DeliveryClock } from '@faultline/core';

/** A clock a test moves by hand: `advance` runs time (both clocks), `stepWall` steps the wall clock alone. */
export interface SteppedClock extends DeliveryClock {
  /** Moves both clocks forward by `ms`, firing the timers that fall due on the way, in order. */
  advance(ms: number): Promise<void>;
  /** Steps the wall clock alone, either way (NTP, a VM resumed): monotonic time does not move. */
  stepWall(ms: number): void;
  /** Timers set and not yet fired or cancelled. */
  pending(): number;
}

/** Lets the promise callbacks and I/O a fired timer started run before time moves on. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A `DeliveryClock` for unit tests: monotonic time starts at `now` and moves only when the test advances it;
 * the wall clock starts at `wall` and can also be stepped. Timers fire during `advance`, never on their own.
 */
export function createSteppedClock(start: { now?: number; wall?: number } = {}): SteppedClock {
  let now = start.now ?? 1000;
  let wall = start.wall ?? Date.UTC(2030, 0, 1);
  const timers = new Set<{ at: number; callback: () => void }>();
  const nextDue = (end: number) =>
    [...timers].filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0] ?? undefined;
  return {
    now: () => now,
    wall: () => wall,
    setTimer(callback, ms) {
      const timer = { at: now + Math.max(0, ms), callback };
      timers.add(timer);
      return () => void timers.delete(timer);
    },
    async advance(ms) {
      const end = now + ms;
      await settle();
      for (let due = nextDue(end); due; due = nextDue(end)) {
        wall += due.at - now;
        now = due.at;
        timers.delete(due);
        due.callback();
        await settle();
      }
      wall += end - now;
      now = end;
      await settle();
    },
    stepWall(ms) {
      wall += ms;
    },
    pending: () => timers.size,
  };
}
