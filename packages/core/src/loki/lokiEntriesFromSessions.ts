import type { SessionAggregates, SessionUpdate } from '../sessions/types';
import { stringMetadata } from './lokiFields';
import type { LokiEntry } from './types';

/** How many sessions a line counts, by how they ended (Sentry's aggregate semantics). */
interface SessionCounts {
  /** Sessions started. */
  sessions: number;
  /** Ended normally without errors. */
  exited: number;
  /** Ended normally with errors. */
  errored: number;
  crashed: number;
  abnormal: number;
}

/**
 * Session counts as Loki lines, so that a Grafana panel can plot crash-free rates from Loki alone: every
 * line has `message: "sessions"` and the same `counts`, whether it comes from one request-mode aggregate
 * bucket or from one update of a page or process session (which counts `sessions: 1` on its first update
 * and its outcome on its last). Summed over a range: crash-free sessions = 1 − Σcrashed / Σsessions.
 * Labels are the usual ones (level `info`); the release goes to structured metadata.
 */
export function lokiEntriesFromSessions(type: 'session' | 'sessions', payload: unknown, service: string): LokiEntry[] {
  if (type === 'sessions') {
    const { aggregates = [], attrs } = payload as SessionAggregates;
    return aggregates.map((bucket) => {
      const { exited = 0, errored = 0, crashed = 0, abnormal = 0 } = bucket;
      const counts = { sessions: exited + errored + crashed + abnormal, exited, errored, crashed, abnormal };
      return entry(Date.parse(bucket.started), counts, attrs, service);
    });
  }
  const update = payload as SessionUpdate;
  const ended = (status: SessionUpdate['status']): number => (update.status === status ? 1 : 0);
  const counts = {
    sessions: update.init ? 1 : 0,
    exited: ended('exited') * (update.errors > 0 ? 0 : 1),
    errored: ended('exited') * (update.errors > 0 ? 1 : 0),
    crashed: ended('crashed'),
    abnormal: ended('abnormal'),
  };
  const session = { sid: update.sid, status: update.status, errors: update.errors, init: update.init };
  return [entry(Date.parse(update.timestamp), counts, update.attrs, service, session)];
}

function entry(
  time: number,
  counts: SessionCounts,
  attrs: SessionAggregates['attrs'] | undefined,
  service: string,
  session?: Record<string, unknown>,
): LokiEntry {
  const ms = Number.isFinite(time) ? time : Date.now();
  return {
    timestampNs: `${Math.round(ms)}000000`,
    level: 'info',
    environment: attrs?.environment ?? 'production',
    line: {
      timestamp: new Date(ms).toISOString(),
      level: 'info',
      service,
      message: 'sessions',
      release: attrs?.release,
      counts,
      ...(session ? { session } : {}),
    },
    metadata: stringMetadata({ release: attrs?.release }),
  };
}
