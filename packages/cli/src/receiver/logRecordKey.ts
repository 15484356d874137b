import type { StoredLog } from './types';

// Loki's level names for the levels Sentry's log protocol spells otherwise (core's lokiLevel maps them so).
const SAME_LEVEL: Record<string, string> = { warning: 'warn', log: 'info' };

/**
 * What identifies one log record whichever way it arrived: the DSN (a Sentry `log` item) or a Loki push.
 * Both copies come from the one record the SDK built, so they share its timestamp (Sentry: seconds with a
 * fraction; Loki: the same value in nanoseconds, so compared here in whole microseconds), its message, its
 * trace id and its level (Loki spells `warning` as `warn`). Attributes are not compared: the two paths
 * carry them differently (typed `{ value, type }` and `sentry.*` keys on one side; labels, structured
 * metadata and a JSON line on the other), so no byte-level comparison could match. Two distinct records
 * with this same key (the same message, level and trace in the same microsecond) still make two rows,
 * because a row takes at most one copy from each source.
 */
export function logRecordKey(log: Pick<StoredLog, 'timestamp' | 'level' | 'body' | 'traceId'>): string {
  const level = String(log.level).toLowerCase();
  return JSON.stringify([Math.round(log.timestamp * 1000), SAME_LEVEL[level] ?? level, log.traceId ?? '', log.body]);
}
