/** Release health of one release in one environment, as the page and `GET /api/releases` show it. */
export interface ReleaseHealth {
  release: string;
  environment: string;
  /** Sessions counted (each page, process or request session once). */
  sessions: number;
  crashed: number;
  abnormal: number;
  /** Sessions with errors that neither crashed nor ended abnormal. */
  errored: number;
  /** Distinct users (`did`) seen, and those of them with a crashed session. */
  users: number;
  crashedUsers: number;
  /** Percentages (0–100); `null` when there is nothing to divide by (no users: no `did` was sent). */
  crashFreeSessions: number | null;
  crashFreeUsers: number | null;
  erroredRate: number | null;
  /** When its last session data arrived (ms since the epoch). */
  lastSeen: number;
}

type Outcome = 'healthy' | 'errored' | 'crashed' | 'abnormal';
type Counts = Pick<ReleaseHealth, 'sessions' | 'crashed' | 'abnormal' | 'errored'>;
interface Row extends Counts {
  release: string;
  environment: string;
  lastSeen: number;
  /** did → whether one of its sessions crashed (bounded: users past the bound are not counted). */
  users: Map<string, boolean>;
}
interface Known {
  row: Row;
  did?: string;
  status: string;
  errors: number;
}

/** Single sessions remembered by sid, so that their updates are merged (a later update of one forgotten counts again). */
const SESSIONS_KEPT = 50_000;
const FORGET_AT_ONCE = 1000;
const USERS_KEPT = 10_000;
const ROWS_KEPT = 200;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Past this, a count is no SDK's (one bucket is a minute of one process): ignored, so a total stays finite and exact. */
const MAX_COUNT = 2 ** 32;
const count = (value: unknown): number =>
  Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_COUNT ? (value as number) : 0;
const text = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value !== '' ? value.slice(0, 200) : fallback;

function outcomeOf(status: string, errors: number): Outcome {
  // Sentry's browser SDK 11 says `unhandled` for an unhandled error that did not end the page: a crash here.
  if (status === 'crashed' || status === 'unhandled') return 'crashed';
  if (status === 'abnormal') return status;
  return errors > 0 ? 'errored' : 'healthy';
}

/**
 * What `faultline dev` knows of release health: `session` updates merged per session (its worst status
 * and highest error count win, whatever order the updates arrive in) and `sessions` aggregates added up,
 * per release and environment. Memory is bounded (sessions, users and rows); the counts are kept as
 * running totals, so forgetting a session never changes them.
 */
export function createReleaseHealth(now: () => number = Date.now) {
  const rows = new Map<string, Row>();
  const known = new Map<string, Known>();

  function rowFor(attrs: unknown): Row | undefined {
    const release = isObject(attrs) ? attrs.release : undefined;
    if (typeof release !== 'string' || release === '') return undefined; // Sentry refuses those too
    const environment = text(isObject(attrs) ? attrs.environment : undefined, 'production');
    const key = `${release.slice(0, 200)}\u0000${environment}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        release: release.slice(0, 200),
        environment,
        sessions: 0,
        crashed: 0,
        abnormal: 0,
        errored: 0,
        users: new Map(),
        // Seen now before the bound is applied: a new row is the newest, never the one forgotten.
        lastSeen: now(),
      };
      rows.set(key, row);
      if (rows.size > ROWS_KEPT) rows.delete(oldestRow()!);
    }
    row.lastSeen = now();
    return row;
  }
  function oldestRow(): string | undefined {
    let oldest: [string, Row] | undefined;
    for (const entry of rows) if (!oldest || entry[1].lastSeen < oldest[1].lastSeen) oldest = entry;
    return oldest?.[0];
  }
  /**
   * Forgets the sessions seen longest ago, many at once: deleting one key at a time from the front of a Map
   * is quadratic in V8 (the iterator walks every deleted slot), 7 s for 200,000 sessions where this takes
   * a few hundred ms.
   */
  function forgetOldest(): void {
    let left = FORGET_AT_ONCE;
    for (const sid of known.keys()) {
      known.delete(sid);
      if (--left === 0) return;
    }
  }
  function tally(row: Row, outcome: Outcome, by: number): void {
    if (outcome !== 'healthy') row[outcome] += by;
  }
  function user(row: Row, did: unknown, crashed: boolean): void {
    if (typeof did !== 'string' || did === '') return;
    const seen = row.users.get(did);
    if (seen === undefined && row.users.size >= USERS_KEPT) return;
    row.users.set(did, seen === true || crashed);
  }

  return {
    /** A `session` item: one page's or process's session as of its update. */
    addSession(payload: unknown): void {
      if (!isObject(payload) || typeof payload.sid !== 'string') return;
      const row = rowFor(payload.attrs);
      if (!row) return;
      const status = text(payload.status, 'ok');
      const errors = count(payload.errors);
      const previous = known.get(payload.sid);
      if (!previous || previous.row !== row) {
        row.sessions++;
        tally(row, outcomeOf(status, errors), 1);
        known.set(payload.sid, { row, did: typeof payload.did === 'string' ? payload.did : undefined, status, errors });
        if (known.size > SESSIONS_KEPT + FORGET_AT_ONCE) forgetOldest();
      } else {
        // A terminal status is never undone by an update that arrives late.
        const merged = previous.status === 'ok' ? status : previous.status;
        const mergedErrors = Math.max(previous.errors, errors);
        tally(row, outcomeOf(previous.status, previous.errors), -1);
        tally(row, outcomeOf(merged, mergedErrors), 1);
        Object.assign(previous, { status: merged, errors: mergedErrors });
      }
      const session = known.get(payload.sid);
      user(row, session?.did ?? payload.did, session?.status === 'crashed');
    },
    /** A `sessions` item: request sessions counted per minute (and user). */
    addAggregates(payload: unknown): void {
      if (!isObject(payload) || !Array.isArray(payload.aggregates)) return;
      const row = rowFor(payload.attrs);
      if (!row) return;
      for (const bucket of payload.aggregates) {
        if (!isObject(bucket)) continue;
        const [exited, errored, crashed, abnormal] = [
          bucket.exited,
          bucket.errored,
          bucket.crashed,
          bucket.abnormal,
        ].map(count);
        row.sessions += exited! + errored! + crashed! + abnormal!;
        row.errored += errored!;
        row.crashed += crashed!;
        row.abnormal += abnormal!;
        user(row, bucket.did, crashed! > 0);
      }
    },
    /** Every release and environment, the one with the latest session data first. */
    list(): ReleaseHealth[] {
      const percent = (part: number, whole: number): number | null =>
        whole === 0 ? null : Math.round((1000 * part) / whole) / 10;
      return [...rows.values()]
        .sort((a, b) => b.lastSeen - a.lastSeen)
        .map(({ users, ...row }) => {
          const crashedUsers = [...users.values()].filter(Boolean).length;
          return {
            ...row,
            users: users.size,
            crashedUsers,
            crashFreeSessions: percent(row.sessions - row.crashed, row.sessions),
            crashFreeUsers: percent(users.size - crashedUsers, users.size),
            erroredRate: percent(row.errored, row.sessions),
          };
        });
    },
  };
}

export type ReleaseHealthModel = ReturnType<typeof createReleaseHealth>;
