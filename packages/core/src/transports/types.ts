import type { DiscardedEvents } from '../envelope/createClientReportEnvelope';
import type { Envelope } from '../envelope/types';
import type { DeliveryMetrics } from '../metrics/types';
import type { DataCategory, DropReason } from '../types';

/** One HTTP request the platform must make. */
export interface TransportRequest {
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Aborts the request when the transport's timeout fires (where the platform supports it). */
  signal?: AbortSignalLike;
}

export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
}

/** What the platform got back. Header names are matched case-insensitively. */
export interface TransportMakeRequestResponse {
  statusCode: number;
  headers?: Record<string, string | null | undefined>;
  /**
   * For an answer other than 2xx: the start of its body (a few KB at most), the receiver's reason, which the
   * sentence about a rejection quotes. Optional: a platform that does not read it gets the status alone.
   */
  body?: string;
}

/** The only thing a platform supplies: make one request; reject on network failure. */
export type MakeRequest = (request: TransportRequest) => PromiseLike<TransportMakeRequestResponse>;

/** A request body for one destination, with what it carries for drop accounting. */
export interface EncodedEnvelope {
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

/**
 * Where envelopes go and how they are written there (Sentry envelope, Loki push). Returns undefined
 * when the envelope has nothing for this destination (say, a client report for Loki).
 */
export interface Destination {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /**
   * `sync`: the process is exiting and cannot wait; return synchronously (without compressing). Otherwise
   * a destination may answer asynchronously (Loki gzips large bodies).
   */
  encode(
    envelope: Envelope,
    options?: { sync?: boolean },
  ): EncodedEnvelope | undefined | PromiseLike<EncodedEnvelope | undefined>;
  /** True when a status is a permanent answer that must not be retried (beyond 4xx ≠ 408/429). */
  isPermanent?(statusCode: number): boolean;
  /** Oldest an envelope may be when (re)sent, in ms; older ones are dropped as undeliverable. */
  maxAgeMs?: number;
  /**
   * Rewrites a body at each attempt (Sentry's `sent_at` says when this attempt is sent: its ingestion
   * corrects every timestamp of an envelope whose `sent_at` is far from its arrival).
   */
  stamp?(body: string | Uint8Array, now: number): string | Uint8Array;
  /** False for destinations that drop client reports (Loki): a lost envelope's carried counts stay counted. */
  sendsClientReports?: boolean;
}

/**
 * What a journal keeps of an envelope: enough to send it again after a restart. Request headers are never
 * kept (a planted record must not choose them): the destination supplies them, and `gzip` is the one fact
 * about the body a record may state.
 */
export interface JournalRecord {
  /** Unique and ordered: later records sort after earlier ones. */
  id: string;
  /** When it was captured (ms since the epoch). */
  createdAt: number;
  body: string | Uint8Array;
  /** The body is gzip-compressed (sent with `Content-Encoding: gzip`). */
  gzip?: boolean;
  /** What it carries, per category, for drop accounting. */
  quantities: Partial<Record<DataCategory, number>>;
  /** Drop counts of a client report riding in it: counted again if it is lost, so none goes unreported. */
  reports?: DiscardedEvents[];
}

/**
 * What the transport answers for each replayed record: `queued` (it acknowledges the record once delivered
 * or given up), `refused` (counted as lost by the transport; the journal forgets it on its own, with no
 * acknowledge call), or `later` (no room now: the journal keeps it and offers it again once `ready()`
 * resolves; every record after a `later` one is `later` too).
 */
export type ReplayVerdict = 'queued' | 'refused' | 'later';

/**
 * Where a journal hands what earlier owners left: at start, and whenever a dead owner's journal is adopted.
 * Replay has backpressure: the journal reads no faster than the transport takes, so a backlog of any size
 * costs the memory of what the queue holds plus one batch being offered.
 */
export interface JournalSink {
  /** Offers records, oldest first within one call; one verdict per record, in order. */
  replay(records: JournalRecord[]): ReplayVerdict[];
  /** Resolves once the transport can take more records (at once when it can now, or when it closed). */
  ready(): Promise<void>;
  /** Records that could not be read; they are already removed. Counted as lost with these quantities. */
  unreadable(quantities: Partial<Record<DataCategory, number>>): void;
}

/**
 * A durable journal of the envelopes a transport has not settled: IndexedDB in browsers, files in Node.
 * Not the queue: the transport keeps its queue in memory, appends each envelope before its first attempt
 * and acknowledges it once delivered or given up. The journal is read only when opened (and when it adopts
 * a dead owner's journal). One live owner at a time. It never throws or rejects: a journal whose storage
 * fails keeps what it is handed in memory, probes with backoff and writes it once the storage is back,
 * saying once that durability was lost and once that it returned.
 */
export interface EnvelopeJournal {
  /**
   * Called once by the transport: replays (in the background, in batches, as fast as the sink takes them)
   * what earlier owners left. Resolves once what was there at open has been taken by the sink; never
   * rejects. Journals adopted later (an owner that died since) are replayed when found.
   */
  open(sink: JournalSink): Promise<void>;
  /**
   * Resolves true once the record is durable as far as the journal's policy goes, false when the journal
   * cannot keep it now (the transport then keeps its body in memory; a journal that heals writes it then).
   */
  append(record: JournalRecord): Promise<boolean>;
  /** Forgets a record: delivered or given up. Must hold even if the page or process dies right after. */
  acknowledge(id: string): Promise<void>;
  /** The body of a record the transport did not keep in memory; undefined if it is gone or unreadable. */
  read(id: string): Promise<string | Uint8Array | undefined>;
  /**
   * Optional, only where storage can be written synchronously (files): writes now, synchronously, every
   * record appended and not yet written, and answers their appends. One mechanism for two moments:
   * - the process is exiting (Node's `exit` event: no later turn of the event loop): also the writes under
   *   way and every acknowledgement not yet written; the journal then takes nothing more and lets go of its
   *   ownership;
   * - `{ keepOpen: true }`: the transport holds more bodies in memory than its budget during a burst that
   *   gives the event loop no turn (a loop of captures), and lets them go once written; the journal carries on.
   * Returns true when what was appended is written (or being written by a write already under way), false
   * when it cannot write now (not set up yet, failing, closed): the bodies then stay in memory.
   */
  persistSync?(options?: { keepOpen?: boolean }): boolean;
  /**
   * Whether appends reach storage now (false while a failing disk is probed, or for good when refused);
   * read only when the SDK's metrics are read. Without it, the last append's answer says.
   */
  isDurable?(): boolean;
  /** Releases ownership (locks, timers); records stay for the next owner. */
  close(): Promise<void>;
}

export interface QueueLimits {
  /** Most envelopes queued; a newcomer beyond it is refused (`queue_overflow`). */
  maxEntries: number;
  /** Most bytes queued (bodies); likewise. */
  maxBytes: number;
  /** Oldest an envelope may get before it is dropped (`network_error`), in ms. */
  ttlMs: number;
  /**
   * Most memory bodies may take (a string's characters count 2 bytes each); beyond it, bodies of journaled
   * envelopes leave memory (spilled at once to a journal that writes synchronously) and are read back when
   * their turn comes. Bodies a journal could not take yet stay in memory up to twice this, then newcomers
   * are refused. Without a journal, half of it is also the queue's byte bound.
   */
  maxMemoryBytes: number;
}

/**
 * The clocks delivery reads, injected so tests can step them. Every delay, backoff, pause, rate limit and
 * the age of an envelope this process captured run on `now`; `wall` is for what goes on the wire (`sent_at`,
 * an HTTP-date `Retry-After`) and for the age a record had on disk when it was read back.
 */
export interface DeliveryClock {
  /** Monotonic milliseconds (`performance.now()`): never steps. */
  now(): number;
  /** Milliseconds since the epoch (`Date.now()`): may step either way. */
  wall(): number;
  /** Calls `callback` after `ms` on the `now` clock (unref'd in Node); returns a cancel function. */
  setTimer(callback: () => void, ms: number): () => void;
}

export interface DeliveryOptions {
  destination: Destination;
  /** Counts what delivery drops (the client reports it); `carried`: a lost report's counts, handed back. */
  recordDroppedEvent(reason: DropReason, category: DataCategory, quantity?: number, carried?: boolean): void;
  /** Where this transport registers its gauges and reports each attempt (the client's SDK metrics). */
  metrics?: DeliveryMetrics;
  /** The durable journal behind the in-memory queue; none: memory only. */
  journal?: EnvelopeJournal;
  queue?: Partial<QueueLimits>;
  /** Requests in flight at once while the destination is healthy (one probe while it is failing). Default 32. */
  concurrency?: number;
  /** Attempts per envelope before it is dropped. Default 8. */
  maxAttempts?: number;
  /** First retry delay and the cap of the exponential backoff, in ms. Defaults 1 s and 60 s. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Longest gap between probes while the destination is unreachable, in ms. Default 10 s. */
  probeMaxMs?: number;
  /** A request not answered in this time is abandoned and retried. Default 30 s. */
  requestTimeoutMs?: number;
  /** The clocks and timer delivery runs on. Default: `performance.now()`, `Date.now()` and unref'd timers. */
  clock?: DeliveryClock;
  /**
   * Called at the first answer and whenever the destination turns failing (`healthy` false) or answers again: what a browser
   * remembers for a later page that must decide, before its transport exists, whether a beacon may land.
   */
  onHealthChange?: (destination: Destination, healthy: boolean) => void;
}

/**
 * The options `@sentry/core`'s `createTransport` takes, so a custom transport written for Sentry works
 * unchanged: the ingest URL from the DSN, drop accounting, and the queue's size.
 */
export interface SentryTransportOptions {
  url?: string;
  /** As in DeliveryOptions (`carried` is Faultline's: a lost report's counts handed back, counted once). */
  recordDroppedEvent(reason: DropReason, category: DataCategory, quantity?: number, carried?: boolean): void;
  /** Most envelopes queued (Sentry's name for `queue.maxEntries`). */
  bufferSize?: number;
  headers?: Record<string, string>;
  [option: string]: unknown;
}
