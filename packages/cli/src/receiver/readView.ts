import type { ReceiverStore } from './createReceiverStore';
import { withClientContexts } from './withClientContexts';

const LOGS_ANSWERED = 1000;

/**
 * The read API's JSON views, as `[status, body]`: `/api/summary`, `/api/issues` (each issue without its
 * events, with its latest event's id, release and environment, and its counts over time),
 * `/api/issues/<id>` (the same with its kept events, newest first), `/api/logs?level=&trace_id=&q=&limit=`,
 * `/api/releases` (release health per release and environment: sessions, crash-free sessions and users,
 * errored rate) and `/api/sdk-health` (what the SDKs' client reports say they lost, per SDK, version and
 * release).
 */
export function readView(store: ReceiverStore, url: URL): [number, unknown] {
  if (url.pathname === '/api/summary') return [200, store.summary()];
  if (url.pathname === '/api/releases') return [200, store.releases()];
  if (url.pathname === '/api/sdk-health') return [200, store.sdkHealth()];
  if (url.pathname === '/api/issues') {
    return [
      200,
      store.issues().map(({ events, ...issue }) => ({
        ...issue,
        lastEventId: events[0]?.event_id,
        release: events[0]?.release,
        environment: events[0]?.environment,
        series: store.series(issue.id),
      })),
    ];
  }
  const issueMatch = /^\/api\/issues\/([0-9a-f]+)$/.exec(url.pathname);
  if (issueMatch) {
    const issue = store.issue(issueMatch[1]!);
    if (!issue) return [404, { error: 'no such issue' }];
    return [
      200,
      {
        ...issue,
        release: issue.events[0]?.release,
        environment: issue.events[0]?.environment,
        series: store.series(issue.id),
        events: issue.events.map(withClientContexts),
      },
    ];
  }
  if (url.pathname === '/api/logs') {
    const q = url.searchParams;
    const limit = Math.min(Math.max(Number(q.get('limit')) || LOGS_ANSWERED, 1), 5000);
    const filter = {
      level: q.get('level') || undefined,
      traceId: q.get('trace_id') || undefined,
      text: q.get('q') || undefined,
    };
    return [200, store.logs(filter).slice(-limit)];
  }
  return [404, { error: 'not found' }];
}
