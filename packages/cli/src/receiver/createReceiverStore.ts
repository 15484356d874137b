import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { getEventFingerprint, hashString, type Event } from '@faultline/core';
import { createLogRows, type LogFilter } from './createLogRows';
import { createReleaseHealth, type ReleaseHealth } from './createReleaseHealth';
import { createSdkHealth, type StoredClientReport } from './createSdkHealth';
import { createTimeSeries, type TimeSeries, type TimeSeriesCounter } from './createTimeSeries';
import { readTailLines } from './readTailLines';
import type { Issue, LogRow, StoredLog } from './types';
import { MAX_EVENT_BYTES, trimEvent } from './trimForMemory';

export interface ReceiverStoreOptions {
  /** How much of the end of each NDJSON file is read back at start. Default 16 MiB. */
  reloadBytes?: number;
  /** The wall clock (ms), for events without a timestamp and for the time series. Default `Date.now`. */
  now?: () => number;
}

const EVENTS_PER_ISSUE = 50;
const ISSUES_KEPT = 1000;
const EVENT_BYTES_KEPT = 64 * 1024 * 1024;
const MAX_TITLE = 1000;
/** Distinct releases (and environments) remembered per issue. */
const VALUES_KEPT = 10;

/** Event ids remembered for de-duplication (a retry comes soon after the first copy). */
const MAX_EVENT_IDS = 10_000;

/**
 * What `faultline dev` received: every event, log, session item and client report appended to NDJSON files
 * in `dir`, and an in-memory view (issues grouped by fingerprint with their counts over time, recent logs,
 * release health per release and environment) for the
 * terminal and the page. The view is bounded (records, bytes, issues) and is rebuilt at start from the end
 * of the files.
 */
export function createReceiverStore(dir: string, options: ReceiverStoreOptions = {}) {
  // What was captured may hold personal data: only this user may read it (folder 0700, files 0600).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);
  const append = (name: string, line: string) => appendFileSync(file(name), `${line}\n`, { mode: 0o600 });
  const now = options.now ?? Date.now;
  const issues = new Map<string, Issue>();
  const series = new Map<string, TimeSeriesCounter>();
  const logs = createLogRows();
  const health = createReleaseHealth(now);
  const addSessionItem = (item: { type?: unknown; payload?: unknown }): void =>
    item.type === 'sessions' ? health.addAggregates(item.payload) : health.addSession(item.payload);
  const sdkHealth = createSdkHealth();
  const sizes = new WeakMap<object, number>();
  let eventBytes = 0;
  let reports = 0;

  /** Recent event ids and their issue: a retried envelope (same event_id) is one event, as Sentry counts it. */
  const eventIssues = new Map<string, string>();
  const duplicateOf = (event: Event): Issue | undefined => {
    const issueId = typeof event.event_id === 'string' ? eventIssues.get(event.event_id) : undefined;
    return issueId === undefined ? undefined : issues.get(issueId);
  };

  function rememberEvent(event: Event, bytes: number): { issue: Issue; isNew: boolean } {
    const duplicate = duplicateOf(event);
    if (duplicate) return { issue: duplicate, isNew: false };
    sdkHealth.seen(event.sdk, event.release);
    const kept = trimEvent(event, bytes);
    sizes.set(kept, Math.min(bytes, MAX_EVENT_BYTES));
    const values = Array.isArray(event.exception?.values) ? event.exception.values : [];
    const main = values.at(-1);
    const title = String(main ? `${main.type}: ${main.value}` : (event.message ?? '(no message)')).slice(0, MAX_TITLE);
    const id = fingerprintOf(event, title);
    const seen = timestampOf(event) ?? now();
    let issue = issues.get(id);
    const isNew = issue === undefined;
    if (!issue) {
      issue = {
        id,
        title,
        level: String(event.level ?? 'error'),
        count: 0,
        firstSeen: seen,
        lastSeen: seen,
        releases: [],
        environments: [],
        events: [],
      };
      issues.set(id, issue);
      series.set(id, createTimeSeries());
    }
    issue.count++;
    series.get(id)!.add(seen, now());
    remember(issue.releases, event.release);
    remember(issue.environments, event.environment);
    if (typeof event.event_id === 'string') {
      eventIssues.set(event.event_id, id);
      if (eventIssues.size > MAX_EVENT_IDS) eventIssues.delete(eventIssues.keys().next().value!);
    }
    issue.firstSeen = Math.min(issue.firstSeen, seen);
    issue.lastSeen = Math.max(issue.lastSeen, seen);
    issue.events.unshift(kept);
    eventBytes += sizes.get(kept)!;
    for (const dropped of issue.events.splice(EVENTS_PER_ISSUE)) eventBytes -= sizes.get(dropped) ?? 0;
    evictEvents(issue);
    return { issue, isNew };
  }

  /** The issue seen longest ago among those that `can` lose something. */
  function oldestIssue(can: (issue: Issue) => boolean): Issue | undefined {
    let oldest: Issue | undefined;
    for (const issue of issues.values())
      if (can(issue) && (!oldest || issue.lastSeen < oldest.lastSeen)) oldest = issue;
    return oldest;
  }

  /** Past the limits, the issues seen longest ago go first, then their oldest events. */
  function evictEvents(current: Issue): void {
    while (issues.size > ISSUES_KEPT) {
      const oldest = oldestIssue((issue) => issue !== current)!;
      for (const event of oldest.events) eventBytes -= sizes.get(event) ?? 0;
      issues.delete(oldest.id);
      series.delete(oldest.id);
    }
    while (eventBytes > EVENT_BYTES_KEPT) {
      const oldest = oldestIssue((issue) => issue.events.length > (issue === current ? 1 : 0));
      if (!oldest) return;
      eventBytes -= sizes.get(oldest.events.pop()!) ?? 0;
    }
  }

  const reloadBytes = options.reloadBytes ?? 16 * 1024 * 1024;
  for (const line of readTailLines(file('events.ndjson'), reloadBytes)) {
    const event = parseRecord<Event>(line);
    if (event) rememberEvent(event, line.length);
  }
  for (const line of readTailLines(file('logs.ndjson'), reloadBytes)) {
    const log = parseRecord<StoredLog>(line);
    if (log && typeof log.body === 'string') logs.add(log, line.length);
  }
  for (const line of readTailLines(file('sessions.ndjson'), reloadBytes)) {
    const item = parseRecord<{ type?: unknown; payload?: unknown }>(line);
    if (item) addSessionItem(item);
  }
  for (const line of readTailLines(file('client_reports.ndjson'), reloadBytes)) {
    reports++;
    const report = parseRecord<StoredClientReport>(line);
    if (report) sdkHealth.add(report, now());
  }

  return {
    /** Adds an event; returns its issue and whether the issue is new. */
    addEvent(event: Event): { issue: Issue; isNew: boolean } {
      const duplicate = duplicateOf(event);
      if (duplicate) return { issue: duplicate, isNew: false };
      const line = JSON.stringify(event);
      append('events.ndjson', line);
      return rememberEvent(event, line.length);
    },
    /** Adds a log; returns its row and whether it joined the row of the same record sent another way. */
    addLog(log: StoredLog): { row: LogRow; merged: boolean } {
      const line = JSON.stringify(log);
      append('logs.ndjson', line);
      return logs.add(log, line.length);
    },
    /** Adds a `session` or `sessions` item to release health. */
    addSessionItem(type: 'session' | 'sessions', payload: unknown): void {
      append('sessions.ndjson', JSON.stringify({ type, payload }));
      addSessionItem({ type, payload });
    },
    /** Release health per release and environment, the latest first. */
    releases: (): ReleaseHealth[] => health.list(),
    /** Adds a client report (its payload, with the envelope's `sdk` and release, else its SDK's last release). */
    addClientReport(report: StoredClientReport): void {
      const attributed = { ...report, release: sdkHealth.releaseOf(report) };
      append('client_reports.ndjson', JSON.stringify(attributed));
      reports++;
      sdkHealth.add(attributed, now());
    },
    /** What each SDK (name, version, release) reported losing, the most recent reporter first. */
    sdkHealth: sdkHealth.rows,
    issues: (): Issue[] => [...issues.values()].sort((a, b) => b.lastSeen - a.lastSeen),
    issue: (id: string): Issue | undefined => issues.get(id),
    /** An issue's events per minute over the last hour and per hour over the last day. */
    series: (id: string): TimeSeries | undefined => series.get(id)?.read(now()),
    /** The recent logs (one row per record, however many ways it arrived), oldest first. */
    logs: (filter: LogFilter = {}): LogRow[] => logs.list(filter),
    summary: () => ({
      issues: issues.size,
      events: [...issues.values()].reduce((sum, issue) => sum + issue.count, 0),
      logs: logs.size,
      sessions: health.list().reduce((sum, release) => sum + release.sessions, 0),
      clientReports: reports,
    }),
  };
}

export type ReceiverStore = ReturnType<typeof createReceiverStore>;

function fingerprintOf(event: Event, title: string): string {
  try {
    return getEventFingerprint(event);
  } catch {
    return hashString(title); // a shape the fingerprint cannot read still lands in an issue
  }
}

/** An event's time in ms: Sentry accepts seconds since the epoch or an RFC 3339 string. */
function timestampOf(event: Event): number | undefined {
  const value: unknown = event.timestamp;
  const ms = typeof value === 'string' && !/^[\d.]+$/.test(value) ? Date.parse(value) : Number(value) * 1000;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

function remember(values: string[], value: unknown): void {
  if (typeof value !== 'string' || value === '' || values.length >= VALUES_KEPT) return;
  const kept = value.slice(0, 200);
  if (!values.includes(kept)) values.push(kept);
}

function parseRecord<T>(line: string): T | undefined {
  try {
    const record = JSON.parse(line) as unknown;
    return typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as T) : undefined;
  } catch {
    return undefined; // a line cut short by a crash mid-write
  }
}
