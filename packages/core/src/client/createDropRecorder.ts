import type { DiscardedEvents } from '../envelope/createClientReportEnvelope';
import type { DataCategory, DropReason } from '../types';

/** Counts what was dropped, by reason and category, until the counts are taken for a client report. */
export interface DropRecorder {
  record(reason: DropReason, category: DataCategory, quantity?: number): void;
  take(): DiscardedEvents[];
}

/* @__NO_SIDE_EFFECTS__ */
export function createDropRecorder(): DropRecorder {
  const counts = new Map<string, DiscardedEvents>();
  return {
    record(reason, category, quantity = 1) {
      const key = `${reason}:${category}`;
      const entry = counts.get(key);
      if (entry) entry.quantity += quantity;
      else counts.set(key, { reason, category, quantity });
    },
    take() {
      const list = [...counts.values()];
      counts.clear();
      return list;
    },
  };
}
