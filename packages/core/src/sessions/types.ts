import type { EnvelopeItem } from '../envelope/types';
import type { Scope } from '../scope/createScope';
import type { User } from '../types';

/**
 * Where a session is in its life: `ok` while it runs (errored when `errors > 0`), then one terminal state.
 * https://develop.sentry.dev/sdk/telemetry/sessions/
 */
export type SessionStatus = 'ok' | 'exited' | 'crashed' | 'abnormal';

/** `attrs` of a `session` or `sessions` item: fixed for a session's whole life. */
export interface SessionAttributes {
  release: string;
  environment?: string;
  user_agent?: string;
}

/** The payload of a `session` item: the whole state of one session as of `timestamp`. */
export interface SessionUpdate {
  sid: string;
  /** True on the first update of the session sent, only. */
  init: boolean;
  /** ISO 8601. */
  started: string;
  /** ISO 8601: when this update was made. */
  timestamp: string;
  status: SessionStatus;
  errors: number;
  /** The user id (scrubbed: never an email), when one was set. */
  did?: string;
  /** Seconds (process sessions; a page's is left out, as Sentry's browser SDK does). */
  duration?: number;
  attrs: SessionAttributes;
}

/** One bucket of a `sessions` item: request sessions that started in one minute, by how they ended. */
export interface SessionAggregate {
  /** ISO 8601, rounded down to the minute. */
  started: string;
  did?: string;
  exited: number;
  errored: number;
  crashed: number;
  abnormal?: number;
}

/** The payload of a `sessions` item. */
export interface SessionAggregates {
  aggregates: SessionAggregate[];
  attrs: SessionAttributes;
}

/** How a request session ended: `errored` is an exit with errors, as aggregates count it. */
export type RequestOutcome = 'exited' | 'errored' | 'crashed' | 'abnormal';

/** What a page's or a process's single session is started with. */
export interface SessionStartOptions {
  /** The browser's `navigator.userAgent` (in `attrs.user_agent`). */
  userAgent?: string;
  /** Send `duration` (process sessions); a page's is meaningless (a tab stays open for days). */
  duration?: boolean;
  /**
   * Send the first update without waiting for a change (browsers: once idle, at the latest on flush or
   * page hide). Otherwise it goes with the first error or at the end (a job's one request).
   */
  eager?: boolean;
  /**
   * Errors already sent without this client (a page's entry beaconed them as it went away before its
   * pipeline arrived), counted into the session as it starts, so its first update says so. Not kept for
   * the starts after it.
   */
  errors?: { handled: number; unhandled: number };
}

/**
 * The single session of a page (a load, then each navigation) or of a process (a job, a CLI), for one
 * client (`getSessionTracker`). Its errors are counted at capture time (the client's `captured` hook),
 * before sampling and `beforeSend`, so neither changes the counts; the update a change calls for travels
 * in the envelope of the event that caused it.
 */
export interface SessionTracker {
  /**
   * Starts a session; an `ok` one before it ends as `exited` (that update is sent now). Without `options`,
   * those of the previous start (a manual `startSession` starts the same kind of session as the platform).
   * `now` (ms since the epoch, default the clock's): when it started — a page's start recorded before the
   * pipeline arrived is run later with its own time, which also ends the session before it.
   */
  start(options?: SessionStartOptions, now?: number): void;
  /** Sends the first update of an eager session not sent yet (a page that became idle). */
  sendPending(): void;
  /** Sends the session's update now, as it stands (Sentry's `captureSession`); nothing without a session. */
  capture(): void;
  /**
   * Ends the session (`exited` at a normal end, `abnormal` when killed, `crashed` when the process dies of
   * an error) and sends its last update; a session that ended already stays as it was. True when it ended now.
   */
  end(status: Exclude<SessionStatus, 'ok'>): boolean;
  /** Forgets the session without sending anything more (a server counts its requests instead). */
  abandon(): void;
  /**
   * Runs `work` (what an earlier page kept because it went away before its pipeline arrived: its session
   * starts and captures, in order) against sessions of its own: its starts end and start replayed sessions,
   * its captures count to the replayed session current then, and the live session is left as it was. The
   * last replayed session is then sent as it stands (if nothing sent it), and stays the live one when none
   * was live (this page's own start was among what it kept: hidden, then shown again).
   */
  replay(work: () => void): void;
}

/**
 * Request mode (`getRequestSessions`): each incoming request is a session, counted at its end into
 * per-minute aggregates, sent as one `sessions` item every minute and on flush, close and shutdown.
 */
export interface RequestSessions {
  /** Counts the request whose isolation scope this is; returns what to call once its response is done. */
  start(isolationScope: Scope): () => void;
  /**
   * The process is going away: the requests still open are counted (`crashed` if they crashed, else
   * `abnormal`) and the aggregates are sent now.
   */
  end(): void;
}

/** What both kinds of session need from their client: attributes, the clock, the user id, a way out. */
export interface SessionContext {
  attrs: SessionAttributes;
  /** The wall clock (ms since the epoch): session times are what goes on the wire. */
  now(): number;
  /**
   * The user id to send as `did`, through the client's scrubber: an id the scrubber would change (an
   * email, a token) is left out rather than sent as a `[Filtered]` that every such user would share.
   */
  distinctId(user: User | undefined): string | undefined;
  /** Sends items in an envelope of their own, through the client's transport (and journal). */
  send(items: EnvelopeItem[]): void;
}

/** What a client's sessions hold (`context` false: no `release`, no sessions at all). */
export interface ClientSessions {
  context: SessionContext | false;
  /** `autoSessionTracking` is not false: the integrations start sessions (else only `startSession` does). */
  auto: boolean;
  single?: SessionTracker;
  requests?: RequestSessions;
}
