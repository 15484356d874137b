import { getCarrier } from '../carrier';
import type { Client } from '../client/types';
import type { EnvelopeItem } from '../envelope/types';
import { createSession, endSession, recordError, sessionUpdate, type Session } from './createSession';
import { sessionErrorKind } from './sessionErrorKind';
import type { SessionContext, SessionStartOptions, SessionTracker } from './types';

/** The user of the active scopes (current, then isolation, then global), read when a session is first sent. */
function activeUser() {
  const { strategy, globalScope } = getCarrier();
  const { scope, isolationScope } = strategy.getScopes();
  return scope.getUser() ?? isolationScope.getUser() ?? globalScope.getUser();
}

/**
 * The single session of a page or a process for `client` (see `SessionTracker`). One update per change of
 * state, never one per error: the first update (`init`), the first error, the crash, the end.
 */
export function createSessionTracker(client: Client, context: SessionContext): SessionTracker {
  let session: Session | undefined;
  let eager = false;
  let previous: SessionStartOptions = {};
  const update = (current: Session, now = context.now()): EnvelopeItem => [
    { type: 'session' },
    sessionUpdate(current, now, () => context.distinctId(activeUser())),
  ];

  const tracker: SessionTracker = {
    start(options = previous, now = context.now()) {
      const { errors, ...next } = options;
      previous = next;
      const items: EnvelopeItem[] = [];
      // A navigation ends the page's session: it is counted, even if it was never sent.
      // One that had crashed before it was ever sent (errors counted at its start) is sent now too.
      if (session && (endSession(session, 'exited') || !session.sent)) items.push(update(session, now));
      const attrs = options.userAgent ? { ...context.attrs, user_agent: options.userAgent } : context.attrs;
      session = createSession(now, attrs, options.duration);
      for (let i = 0; i < (errors?.handled ?? 0); i++) recordError(session, false);
      for (let i = 0; i < (errors?.unhandled ?? 0); i++) recordError(session, true);
      eager = options.eager === true;
      if (items.length === 0) return;
      if (eager) items.push(update(session, now));
      // After the events captured before (their pipeline runs in a microtask): updates arrive in order.
      void Promise.resolve().then(() => context.send(items));
    },
    sendPending() {
      if (session && eager && !session.sent) context.send([update(session)]);
    },
    capture() {
      if (session) context.send([update(session)]);
    },
    end(status) {
      if (!session || !endSession(session, status)) return false;
      context.send([update(session)]);
      return true;
    },
    abandon() {
      session = undefined;
    },
    replay(work) {
      // `eager` is left as the replayed starts set it: a page's sessions are all eager.
      const live = session;
      session = undefined;
      try {
        work();
      } finally {
        // Set by the starts `work` made (TypeScript cannot see through the call).
        const replayed = session as Session | undefined;
        // The last replayed session as it stands (a page's last session is never ended), unless sent.
        if (replayed && !replayed.sent) context.send([update(replayed)]);
        // No live session (the page's own start was among what it kept): the last replayed one is it.
        if (live) session = live;
      }
    },
  };

  client.on('captured', (event) => {
    const kind = sessionErrorKind(event);
    if (!kind || !session || !recordError(session, kind === 'unhandled')) return;
    return [update(session)];
  });
  // A page being hidden flushes: its session's first update must be among what is handed off.
  client.on('flush', () => tracker.sendPending());
  client.on('close', () => tracker.end('exited'));
  return tracker;
}
