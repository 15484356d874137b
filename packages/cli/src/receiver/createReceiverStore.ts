import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { getEventFingerprint, hashString, type Event } from '@faultline/core';
import { readTailLines } from './readTailLines';
import type { Issue, StoredLog } from './types';
import { MAX_EVENT_BYTES, MAX_LOG_BYTES, trimEvent, trimLog } from './trimForMemory';

export interface ReceiverStoreOptions {
  /** How much of the end of each NDJSON file is read back at start. Default 16 MiB. */
  reloadBytes?: number;
}

const EVENTS_PER_ISSUE = 50;
const ISSUES_KEPT = 1000;
const EVENT_BYTES_KEPT = 64 * 1024 * 1024;
const LOGS_KEPT = 5000;
const LOG_BYTES_KEPT = 32 * 1024 * 1024;
const MAX_TITLE = 1000;

/**
 * What `faultline dev` received: every event, log and client report appended to NDJSON files in `dir`,
 * and an in-memory view (issues grouped by fingerprint, recent logs) for the terminal and the page. The
 * view is bounded (records, bytes, issues) and is rebuilt at start from the end of the files.
 */
/** Event ids remembered for de-duplication (a retry comes soon after the first copy). */
const MAX_EVENT_IDS = 10_000;

export function createReceiverStore(dir: string, options: ReceiverStoreOptions = {}) {
  // What was captured may hold personal data: only this user may read it (folder 0700, files 0600).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);
  const append = (name: string, line: string) => appendFileSync(file(name), `${line}\n`, { mode: 0o600 });
  const issues = new Map<string, Issue>();
  const logs: StoredLog[] = [];
  const sizes = new WeakMap<object, number>();
  let eventBytes = 0;
  let logBytes = 0;
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
    const kept = trimEvent(event, bytes);
    sizes.set(kept, Math.min(bytes, MAX_EVENT_BYTES));
    const values = Array.isArray(event.exception?.values) ? event.exception.values : [];
    const main = values.at(-1);
    const title = String(main ? `${main.type}: ${main.value}` : (event.message ?? '(no message)')).slice(0, MAX_TITLE);
    const id = fingerprintOf(event, title);
    const seen = (Number(event.timestamp) || Date.now() / 1000) * 1000;
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
        events: [],
      };
      issues.set(id, issue);
    }
    issue.count++;
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
    }
    while (eventBytes > EVENT_BYTES_KEPT) {
      const oldest = oldestIssue((issue) => issue.events.length > (issue === current ? 1 : 0));
      if (!oldest) return;
      eventBytes -= sizes.get(oldest.events.pop()!) ?? 0;
    }
  }

  function rememberLog(log: StoredLog, bytes: number): void {
    const kept = trimLog(log, bytes);
    const size = Math.min(bytes, MAX_LOG_BYTES);
    sizes.set(kept, size);
    logs.push(kept);
    logBytes += size;
    while (logs.length > LOGS_KEPT || (logBytes > LOG_BYTES_KEPT && logs.length > 1)) {
      logBytes -= sizes.get(logs.shift()!) ?? 0;
    }
  }

  const reloadBytes = options.reloadBytes ?? 16 * 1024 * 1024;
  for (const line of readTailLines(file('events.ndjson'), reloadBytes)) {
    const event = parseRecord<Event>(line);
    if (event) rememberEvent(event, line.length);
  }
  for (const line of readTailLines(file('logs.ndjson'), reloadBytes)) {
    const log = parseRecord<StoredLog>(line);
    if (log && typeof log.body === 'string') rememberLog(log, line.length);
  }
  reports = readTailLines(file('client_reports.ndjson'), reloadBytes).length;

  return {
    /** Adds an event; returns its issue and whether the issue is new. */
    addEvent(event: Event): { issue: Issue; isNew: boolean } {
      const duplicate = duplicateOf(event);
      if (duplicate) return { issue: duplicate, isNew: false };
      const line = JSON.stringify(event);
      append('events.ndjson', line);
      return rememberEvent(event, line.length);
    },
    addLog(log: StoredLog): void {
      const line = JSON.stringify(log);
      append('logs.ndjson', line);
      rememberLog(log, line.length);
    },
    addClientReport(report: unknown): void {
      append('client_reports.ndjson', JSON.stringify(report));
      reports++;
    },
    issues: (): Issue[] => [...issues.values()].sort((a, b) => b.lastSeen - a.lastSeen),
    issue: (id: string): Issue | undefined => issues.get(id),
    logs: (filter: { level?: string; traceId?: string; text?: string } = {}): StoredLog[] =>
      logs.filter(
        (log) =>
          (!filter.level || log.level === filter.level) &&
          (!filter.traceId || log.traceId === filter.traceId) &&
          (!filter.text ||
            `${log.body} ${JSON.stringify(log.attributes)}`.toLowerCase().includes(filter.text.toLowerCase())),
      ),
    summary: () => ({
      issues: issues.size,
      events: [...issues.values()].reduce((sum, issue) => sum + issue.count, 0),
      logs: logs.length,
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

function parseRecord<T>(line: string): T | undefined {
  try {
    const record = JSON.parse(line) as unknown;
    return typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as T) : undefined;
  } catch {
    return undefined; // a line cut short by a crash mid-write
  }
}
