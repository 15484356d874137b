import { getCarrier } from '../carrier';
import type { Client } from '../client/types';
import { debugLogger } from '../debugLogger';
import { createRequestSessions, type RequestSessionsOptions } from './createRequestSessions';
import { createSessionContext } from './createSessionContext';
import { createSessionTracker } from './createSessionTracker';
import type { ClientSessions, RequestSessions, SessionStatus, SessionTracker } from './types';

// Replaced by bundlers: production builds keep a short form of the message.
declare const process: { env: { NODE_ENV?: string } };

/**
 * The sessions of `client`, made on first use: none when the client is disabled or closed, or without a
 * `release` (Sentry drops sessions that have none; this is said once, with `debug: true`). `auto`: only
 * when `autoSessionTracking` is not false (what the integrations ask for); a manual `startSession` has
 * sessions either way, as in Sentry.
 */
function sessionsOf(client: Client | undefined, auto: boolean): ClientSessions | undefined {
  if (!client?.isEnabled()) return undefined;
  const all = (getCarrier().sessions ??= new WeakMap());
  let sessions = all.get(client);
  if (!sessions) {
    const { release, autoSessionTracking } = client.getOptions();
    if (autoSessionTracking !== false && !release) {
      debugLogger.log(
        process.env.NODE_ENV !== 'production'
          ? 'No sessions are sent: release health needs a `release` (or FAULTLINE_RELEASE)'
          : 'No release: no sessions',
      );
    }
    sessions = { context: release ? createSessionContext(client) : false, auto: autoSessionTracking !== false };
    all.set(client, sessions);
  }
  return sessions.context && (sessions.auto || !auto) ? sessions : undefined;
}

/**
 * The single session (page or process) of `client` (default: the current one); undefined when off.
 * `manual`: for Sentry's `startSession` and kin, which work whatever `autoSessionTracking` says.
 */
export function getSessionTracker(client = getCarrier().client, manual = false): SessionTracker | undefined {
  const sessions = sessionsOf(client, !manual);
  if (!sessions || !sessions.context) return undefined;
  return (sessions.single ??= createSessionTracker(client!, sessions.context));
}

/** The request sessions of `client` (default: the current one); undefined when off. */
export function getRequestSessions(
  client = getCarrier().client,
  options?: RequestSessionsOptions,
): RequestSessions | undefined {
  const sessions = sessionsOf(client, true);
  if (!sessions || !sessions.context) return undefined;
  if (!sessions.requests) {
    // A server counts its requests: the process session is dropped, never sent (Sentry's session spec).
    sessions.single?.abandon();
    sessions.requests = createRequestSessions(client!, sessions.context, options);
  }
  return sessions.requests;
}

/**
 * Ends the sessions `client` has (none are made): its single session with `status`, and in request mode
 * the requests still open (see `RequestSessions.end`). For a process that is going away; true when the
 * single session ended now.
 */
export function endSessions(status: Exclude<SessionStatus, 'ok'>, client = getCarrier().client): boolean {
  const sessions = client?.isEnabled() ? getCarrier().sessions?.get(client) : undefined;
  if (!sessions?.context) return false;
  sessions.requests?.end();
  return sessions.single?.end(status) ?? false;
}
