import { createDropRecorder, type DataCategory, type DropReason } from '@faultline/core';
import type { CaptureRecord } from './types';

/** Records that may wait for the pipeline at once, as many as the delivery queue holds envelopes. */
export const BUFFER_LIMIT = 100;

/** A lost record, counted for the next client report: reason, category, quantity. */
export type Drop = [reason: DropReason, category: DataCategory, quantity: number];

export interface CaptureBuffer {
  /** Keeps `record`, or refuses it when full (a log gives way to an error); false when it was refused. */
  push(record: CaptureRecord): boolean;
  /** Counts a loss that happened before the pipeline arrived (reported in its next client report). */
  drop(reason: DropReason, category: DataCategory, quantity?: number): void;
  /** Everything waiting, oldest first, and empties the buffer. */
  take(): CaptureRecord[];
  /** The losses counted so far, and forgets them. */
  takeDrops(): Drop[];
  /** How many records are waiting. */
  size(): number;
}

/**
 * The bounded buffer captures wait in until the pipeline arrives. As the delivery queue does, a full
 * buffer keeps what it has and refuses the newcomer (the first errors of a burst are usually the cause),
 * except that a log gives way to an error; each record lost is counted as `queue_overflow`.
 */
export function createCaptureBuffer(limit = BUFFER_LIMIT): CaptureBuffer {
  let records: CaptureRecord[] = [];
  const drops = createDropRecorder();
  const buffer: CaptureBuffer = {
    push(record) {
      if (records.length >= limit) {
        const log = record.kind === 'captureLog' ? -1 : records.findIndex((r) => r.kind === 'captureLog');
        if (log < 0) {
          buffer.drop('queue_overflow', categoryOf(record));
          return false;
        }
        buffer.drop('queue_overflow', 'log_item');
        records.splice(log, 1);
      }
      records.push(record);
      return true;
    },
    drop: drops.record,
    take() {
      const taken = records;
      records = [];
      return taken;
    },
    takeDrops: () => drops.take().map(({ reason, category, quantity }): Drop => [reason, category, quantity]),
    size: () => records.length,
  };
  return buffer;
}

const ENVELOPE_CATEGORIES: Record<string, DataCategory> = {
  event: 'error',
  log: 'log_item',
  check_in: 'monitor',
  feedback: 'feedback',
};

/** What a record (or its kept form) would have been counted as, had it reached the transport. */
export function categoryOf(record: Pick<CaptureRecord, 'kind' | 'args'>): DataCategory {
  if (record.kind === 'captureLog') return 'log_item';
  if (record.kind === 'startSession') return 'session';
  if (record.kind === 'sendEnvelope') {
    const type = (record.args[0] as [unknown, [{ type?: string }][]] | undefined)?.[1]?.[0]?.[0]?.type;
    return ENVELOPE_CATEGORIES[type ?? ''] ?? 'default';
  }
  return (record.args[0] as { type?: string } | undefined)?.type === 'feedback' ? 'feedback' : 'error';
}
