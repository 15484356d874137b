import { uuid4 } from '../uuid4';
import type { SessionAttributes, SessionStatus, SessionUpdate } from './types';

/** One single session (a page load or navigation, or a process): its state and the transitions between them. */
export interface Session {
  readonly sid: string;
  readonly status: SessionStatus;
  readonly errors: number;
  /** An update was made (and handed to the transport): the next one is not `init`. */
  readonly sent: boolean;
  /**
   * Counts an error (a crash when `unhandled`). True when the state changed, so an update is due: the
   * first error (`errored`), or the crash. A terminal session counts nothing more.
   */
  error(unhandled: boolean): boolean;
  /** Ends a running session; false when it had ended already (a terminal state is never left). */
  end(status: Exclude<SessionStatus, 'ok'>): boolean;
  /**
   * The update that states the session now (`init` on the first). `did` is read on the first update only:
   * a session's attributes never change once sent (Sentry's "attribute immutability").
   */
  update(now: number, did: () => string | undefined): SessionUpdate;
}

/**
 * Starts a session at `started` (ms since the epoch). A pure state machine: `ok` → `exited` / `crashed` /
 * `abnormal`, errored meaning `errors > 0`; time comes in as an argument.
 */
export function createSession(started: number, attrs: SessionAttributes, withDuration = false): Session {
  const sid = uuid4();
  let status: SessionStatus = 'ok';
  let errors = 0;
  let sent = false;
  let did: string | undefined;
  return {
    sid,
    get status() {
      return status;
    },
    get errors() {
      return errors;
    },
    get sent() {
      return sent;
    },
    error(unhandled) {
      if (status !== 'ok') return false;
      errors++;
      if (unhandled) status = 'crashed';
      return unhandled || errors === 1;
    },
    end(next) {
      if (status !== 'ok') return false;
      status = next;
      // A crash is always an error too (Sentry's ingestion forces it to at least 1).
      if (next === 'crashed') errors = Math.max(errors, 1);
      return true;
    },
    update(now, readDid) {
      if (!sent) did = readDid();
      const update: SessionUpdate = {
        sid,
        init: !sent,
        started: new Date(started).toISOString(),
        timestamp: new Date(Math.max(now, started)).toISOString(),
        status,
        errors,
        ...(did === undefined ? {} : { did }),
        ...(withDuration ? { duration: Math.max(0, now - started) / 1000 } : {}),
        attrs,
      };
      sent = true;
      return update;
    },
  };
}
