import type { DiscardedEvents } from '../envelope/createClientReportEnvelope';
import type { Envelope } from '../envelope/types';
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
  encode(envelope: Envelope): EncodedEnvelope | undefined | PromiseLike<EncodedEnvelope | undefined>;
  /** True when a status is a permanent answer that must not be retried (beyond 4xx ≠ 408/429). */
  isPermanent?(statusCode: number): boolean;
  /** Oldest an envelope may be when (re)sent, in ms; older ones are dropped as undeliverable. */
  maxAgeMs?: number;
}

/** An envelope as kept in the queue (and in a durable store) until it is delivered or given up. */
export interface StoredEnvelope {
  /** Unique and ordered: later entries sort after earlier ones. */
  id: string;
  /** When it was captured (ms since the epoch). */
  createdAt: number;
  body: string | Uint8Array;
  headers?: Record<string, string>;
  /** What it carries, per category, for drop accounting. */
  quantities: Partial<Record<DataCategory, number>>;
  /** Drop counts of a client report riding in it: counted again if it is evicted, so none goes unreported. */
  reports?: DiscardedEvents[];
  attempts: number;
}

/** Why a store let an entry go without it being delivered. */
export type EvictionReason = 'queue_overflow' | 'expired';

export interface Eviction {
  entry: StoredEnvelope;
  reason: EvictionReason;
}

/**
 * Where queued envelopes live until delivered: memory here, IndexedDB in browsers, files in Node.
 * Bounded by count and bytes (oldest evicted first) and by age. Every implementation passes the same
 * contract suite.
 */
export interface EnvelopeStore {
  /** Adds an entry; returns what had to go to make room (possibly the entry itself, if too big). */
  push(entry: StoredEnvelope): Promise<Eviction[]>;
  /** Up to `limit` entries, oldest first; expired ones are removed and returned as evictions. */
  peek(limit: number): Promise<{ entries: StoredEnvelope[]; evictions: Eviction[] }>;
  /** Records a failed attempt (so the count survives a restart). */
  update(entry: StoredEnvelope): Promise<void>;
  remove(id: string): Promise<void>;
  size(): Promise<{ count: number; bytes: number }>;
  /**
   * For a store several processes share (browser tabs on one origin): runs `deliver` while holding the
   * only claim on the entry, and resolves false without running it when another holder has it or it is
   * gone. The claim lasts until `deliver` settles, so an entry is sent and removed by one holder only.
   */
  claim?(id: string, deliver: () => Promise<void>): Promise<boolean>;
}

export interface StoreLimits {
  /** Most entries kept; the oldest are evicted beyond it. */
  maxEntries: number;
  /** Most bytes kept; the oldest are evicted beyond it. */
  maxBytes: number;
  /** Oldest an entry may get before it is dropped, in ms. */
  ttlMs: number;
}

export interface DeliveryOptions {
  destination: Destination;
  /** Counts what delivery drops (the client reports it). */
  recordDroppedEvent(reason: DropReason, category: DataCategory, quantity?: number): void;
  /** Where queued envelopes are kept; default: in memory with `queue` limits. */
  store?: EnvelopeStore;
  queue?: Partial<StoreLimits>;
  /** Requests in flight at once while the destination is healthy (one probe while it is failing). Default 32. */
  concurrency?: number;
  /** Attempts per envelope before it is dropped. Default 8. */
  maxAttempts?: number;
  /** First retry delay and the cap of the exponential backoff, in ms. Defaults 1 s and 60 s. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A request not answered in this time is abandoned and retried. Default 30 s. */
  requestTimeoutMs?: number;
}
