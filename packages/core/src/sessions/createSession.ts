import { uuid4 } from '../uuid4';
import type { SessionAttributes, SessionStatus, SessionUpdate } from './types';

/**
 * One single session (a page load or navigation, or a process): one record whose `status` only the
 * transitions below change: `ok` → `exited` / `crashed` / `abnormal`, errored meaning `errors > 0`.
 */
export interface Session {
  readonly sid: string;
  /** ms since the epoch. */
  readonly started: number;
  readonly attrs: SessionAttributes;
  /** Send `duration` (process sessions). */
  readonly timed: boolean;
  status: SessionStatus;
  errors: number;
  /** An update was made (and handed to the transport): the next one is not `init`. */
  sent: boolean;
  /** Read on the first update, then fixed: a session's attributes never change once sent. */
  did?: string;
}

/** Starts a session at `started` (ms since the epoch); time is an argument here and in every transition. */
export function createSession(started: number, attrs: SessionAttributes, timed = false): Session {
  return { sid: uuid4(), started, attrs, timed, status: 'ok', errors: 0, sent: false };
}

/**
 * Counts an error (a crash when `unhandled`). True when the state changed, so an update is due: the first
 * error, or the crash. A terminal session counts nothing more.
 */
export function recordError(session: Session, unhandled: boolean): boolean {
  if (session.status !== 'ok') return false;
  session.errors++;
  if (unhandled) session.status = 'crashed';
  return unhandled || session.errors === 1;
}

/** Ends a running session; false when it had ended already (a terminal state is never left). */
export function endSession(session: Session, status: Exclude<SessionStatus, 'ok'>): boolean {
  if (session.status !== 'ok') return false;
  session.status = status;
  // A crash is always an error too (Sentry's ingestion forces it to at least 1).
  if (status === 'crashed') session.errors ||= 1;
  return true;
}

/**
 * The update that states the session at `now` (`init` on the first). `did` is read on the first update
 * only (Sentry's "attribute immutability").
 */
export function sessionUpdate(session: Session, now: number, did: () => string | undefined): SessionUpdate {
  if (!session.sent) session.did = did();
  const { sid, started, status, errors } = session;
  const update: SessionUpdate = {
    sid,
    init: !session.sent,
    started: new Date(started).toISOString(),
    timestamp: new Date(Math.max(now, started)).toISOString(),
    status,
    errors,
    ...(session.did === undefined ? {} : { did: session.did }),
    ...(session.timed ? { duration: Math.max(0, now - started) / 1000 } : {}),
    attrs: session.attrs,
  };
  session.sent = true;
  return update;
}
