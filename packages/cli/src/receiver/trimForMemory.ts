import { fitEventToSize, type Event } from '@faultline/core';
import type { StoredLog } from './types';

/** Largest event kept whole in memory (the NDJSON file keeps every event whole). */
export const MAX_EVENT_BYTES = 256 * 1024;
/** Largest log kept whole in memory. */
export const MAX_LOG_BYTES = 64 * 1024;
const MAX_LOG_BODY = 8 * 1024;

/** An event small enough for the in-memory view: itself, or a copy trimmed by core's size guard. */
export function trimEvent(event: Event, bytes: number): Event {
  if (bytes <= MAX_EVENT_BYTES) return event;
  try {
    return { ...(JSON.parse(fitEventToSize(event, MAX_EVENT_BYTES)) as Event), extra: { trimmed: `${bytes} bytes` } };
  } catch {
    return { event_id: event.event_id, timestamp: event.timestamp, message: `(an event of ${bytes} bytes)` };
  }
}

/** A log small enough for the in-memory view: its body shortened and its attributes left on disk. */
export function trimLog(log: StoredLog, bytes: number): StoredLog {
  if (bytes <= MAX_LOG_BYTES) return log;
  return {
    ...log,
    body: log.body.length > MAX_LOG_BODY ? `${log.body.slice(0, MAX_LOG_BODY)}…` : log.body,
    attributes: { trimmed: `${bytes} bytes: the whole record is in logs.ndjson` },
  };
}
