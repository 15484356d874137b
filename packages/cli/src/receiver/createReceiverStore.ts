import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { getEventFingerprint, type Event } from '@faultline/core';

export interface Issue {
  id: string;
  title: string;
  level: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  events: Event[];
}

export interface StoredLog {
  timestamp: number;
  level: string;
  body: string;
  traceId?: string;
  requestId?: string;
  attributes: Record<string, unknown>;
  source: 'sentry' | 'loki';
}

const EVENTS_PER_ISSUE = 50;
const LOGS_KEPT = 5000;

/**
 * What `faultline dev` received: every event, log and client report appended to NDJSON files in `dir`,
 * and an in-memory view (issues grouped by fingerprint, recent logs) for the terminal and the page.
 */
export function createReceiverStore(dir: string) {
  mkdirSync(dir, { recursive: true });
  const append = (file: string, record: unknown) => appendFileSync(path.join(dir, file), `${JSON.stringify(record)}\n`);
  const issues = new Map<string, Issue>();
  const logs: StoredLog[] = [];
  let reports = 0;

  return {
    /** Adds an event; returns its issue and whether the issue is new. */
    addEvent(event: Event): { issue: Issue; isNew: boolean } {
      append('events.ndjson', event);
      const id = getEventFingerprint(event);
      const main = event.exception?.values.at(-1);
      const seen = (event.timestamp ?? Date.now() / 1000) * 1000;
      let issue = issues.get(id);
      const isNew = issue === undefined;
      if (!issue) {
        issue = {
          id,
          title: main ? `${main.type}: ${main.value}` : (event.message ?? '(no message)'),
          level: event.level ?? 'error',
          count: 0,
          firstSeen: seen,
          lastSeen: seen,
          events: [],
        };
        issues.set(id, issue);
      }
      issue.count++;
      issue.lastSeen = Math.max(issue.lastSeen, seen);
      issue.events.unshift(event);
      issue.events.length = Math.min(issue.events.length, EVENTS_PER_ISSUE);
      return { issue, isNew };
    },
    addLog(log: StoredLog): void {
      append('logs.ndjson', log);
      logs.push(log);
      if (logs.length > LOGS_KEPT) logs.shift();
    },
    addClientReport(report: unknown): void {
      append('client_reports.ndjson', report);
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
