import { getEventFingerprint } from '../fingerprint';
import type { Event } from '../types';

/** The budget of one repeated error: at most `limit` events per `windowMs`. */
export interface StormGuardOptions {
  /** Events sent per repeated error (same fingerprint and message) in one window. Default 100. */
  limit?: number;
  /** The window, in ms. Default 60,000 (one minute). */
  windowMs?: number;
}

/** Decides, per event, whether its repeated error still has budget. */
export interface StormGuard {
  allow(event: Event): boolean;
}

/** 100 events per repeated error per minute: plenty to see a real error, a cap on a crash loop. */
export const DEFAULT_STORM_GUARD = { limit: 100, windowMs: 60_000 } as const;
// Distinct failures tracked at once. Past it the least recently seen is forgotten (its budget restarts):
// memory stays bounded, and a crash loop, seen all the time, is never the one forgotten.
const MAX_KEYS = 1000;

interface Budget {
  start: number;
  count: number;
}

/**
 * The storm guard (DESIGN.md, "The pipeline"): caps a crash loop — the same fingerprint and message over
 * and over — and never caps distinct failures (messages that differ, say by an order id, have budgets of
 * their own). The caller counts each refusal as `storm_guard`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createStormGuard(options: StormGuardOptions = {}): StormGuard {
  const limit = options.limit ?? DEFAULT_STORM_GUARD.limit;
  const windowMs = options.windowMs ?? DEFAULT_STORM_GUARD.windowMs;
  // Insertion order is recency: each error seen is moved to the end, so the first is the least recent.
  const budgets = new Map<string, Budget>();
  return {
    allow(event) {
      // The error's own time (fixed at capture), not when the pipeline got to it.
      const now = typeof event.timestamp === 'number' ? event.timestamp * 1000 : Date.now();
      for (const [key, budget] of budgets) {
        if (now - budget.start < windowMs && budgets.size < MAX_KEYS) break;
        budgets.delete(key);
      }
      const key = `${getEventFingerprint(event)}\u0000${messageOf(event)}`;
      let budget = budgets.get(key);
      budgets.delete(key);
      if (!budget || now - budget.start >= windowMs || now < budget.start) budget = { start: now, count: 0 };
      budgets.set(key, budget);
      if (budget.count >= limit) return false;
      budget.count++;
      return true;
    },
  };
}

/** The message of the thrown (last) exception, or the event's message. */
function messageOf(event: Event): string {
  const values = event.exception?.values;
  const main = values?.[values.length - 1];
  return main ? `${main.value}\u0000${event.message ?? ''}` : (event.message ?? '');
}
