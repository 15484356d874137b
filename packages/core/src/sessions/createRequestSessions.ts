import { getCarrier } from '../carrier';
import type { Client } from '../client/types';
import type { EnvelopeItem } from '../envelope/types';
import type { Scope } from '../scope/createScope';
import { setTimer } from '../timers';
import { createSessionAggregates } from './createSessionAggregates';
import { sessionErrorKind } from './sessionErrorKind';
import type { RequestOutcome, RequestSessions, SessionContext } from './types';

/** Relay takes at most 100 buckets per `sessions` item. */
const MAX_BUCKETS_PER_ITEM = 100;

/** A place in the list of open requests. */
interface Link {
  prev: Link;
  next: Link;
}

interface RequestSession extends Link {
  started: number;
  /** How it ends if nothing else happens: `exited`, or `errored` / `crashed` once an error was captured in it. */
  outcome: RequestOutcome;
  /** Counted: nothing changes it any more, and it left the open list. */
  ended: boolean;
  /** Whose session it is (a scope holds one client's request session at a time). */
  owner: RequestSessions;
  scope: Scope;
}

export interface RequestSessionsOptions {
  /** How often the aggregates are sent while requests come in (default 60 s, as Sentry's flusher). */
  flushIntervalMs?: number;
  /** Schedules the next send; returns how to cancel it. Default: an unref'd timer. */
  setTimer?: (callback: () => void, ms: number) => () => void;
}

/**
 * Request mode for `client` (see `RequestSessions`): a session per request, held by the request's
 * isolation scope (and the forks of it), whose captured errors mark it `errored` (handled) or `crashed`
 * (unhandled, as a 500 would be). Never one item per request: they are counted into per-minute buckets, sent every
 * `flushIntervalMs` (an unref'd timer, armed only while there are counts) and on flush and close.
 */
export function createRequestSessions(
  client: Client,
  context: SessionContext,
  options: RequestSessionsOptions = {},
): RequestSessions {
  const interval = options.flushIntervalMs ?? 60_000;
  const schedule = options.setTimer ?? setTimer;
  /**
   * Requests not answered yet, for a shutdown to count: a ring through the records themselves (this is its
   * head), since a Map or Set going from empty to a few entries and back reallocates its table each time,
   * which cost about 1 µs a request.
   */
  const open = {} as Link;
  open.prev = open.next = open;
  const aggregates = createSessionAggregates();
  let cancelTimer: (() => void) | undefined;

  function finish(request: RequestSession, outcome: RequestOutcome): void {
    if (request.ended) return;
    request.ended = true;
    request.prev.next = request.next;
    request.next.prev = request.prev;
    // Out of the ring, it holds none of it: a scope kept alive later retains no other request.
    request.prev = request.next = request;
    const user = request.scope.getUser() ?? getCarrier().globalScope.getUser();
    aggregates.record(outcome, request.started, user && context.distinctId(user));
    cancelTimer ??= schedule(() => {
      cancelTimer = undefined;
      send();
    }, interval);
  }

  function send(): void {
    cancelTimer?.();
    cancelTimer = undefined;
    const buckets = aggregates.take();
    const items: EnvelopeItem[] = [];
    for (let i = 0; i < buckets.length; i += MAX_BUCKETS_PER_ITEM) {
      items.push([
        { type: 'sessions' },
        { aggregates: buckets.slice(i, i + MAX_BUCKETS_PER_ITEM), attrs: context.attrs },
      ]);
    }
    context.send(items);
  }

  client.on('captured', (event) => {
    const { isolationScope } = getCarrier().strategy.getScopes();
    const request = isolationScope.getRequestSession() as RequestSession | undefined;
    const kind = request?.owner === sessions && !request.ended && sessionErrorKind(event);
    if (!kind) return;
    if (kind === 'unhandled') request.outcome = 'crashed';
    else if (request.outcome === 'exited') request.outcome = 'errored';
  });
  client.on('flush', send);
  client.on('close', () => cancelTimer?.());

  const sessions: RequestSessions = {
    start(scope) {
      const request: RequestSession = {
        prev: open.prev,
        next: open,
        started: context.now(),
        outcome: 'exited',
        ended: false,
        owner: sessions,
        scope,
      };
      open.prev.next = request;
      open.prev = request;
      scope.setRequestSession(request);
      return () => finish(request, request.outcome);
    },
    end() {
      const still: RequestSession[] = [];
      for (let link = open.next; link !== open; link = link.next) still.push(link as RequestSession);
      for (const request of still) finish(request, request.outcome === 'crashed' ? 'crashed' : 'abnormal');
      send();
    },
  };
  return sessions;
}
