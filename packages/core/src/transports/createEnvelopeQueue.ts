import type { DiscardedEvents } from '../envelope/createClientReportEnvelope';
import type { DataCategory } from '../types';
import type { QueueLimits } from './types';

/**
 * An envelope's life in the queue: waiting its turn, on the wire, or waiting for a retry time. Delivered
 * or given up, it leaves the queue (and the journal).
 */
export type EntryState = 'queued' | 'sending' | 'waiting';

/** One record per envelope, from `send` until it is delivered or given up. */
export interface QueueEntry {
  readonly id: string;
  /** When it was captured (ms since the epoch): kept in the journal for the next process. */
  readonly createdAt: number;
  /**
   * When its age was 0, on the transport's monotonic clock: its age is measured from here, so a wall-clock
   * step never expires an envelope this process captured. A replayed record starts at the age it had on disk.
   */
  readonly bornAt: number;
  readonly bytes: number;
  readonly gzip: boolean;
  readonly quantities: Partial<Record<DataCategory, number>>;
  readonly reports?: DiscardedEvents[];
  /** Undefined when only the journal holds it (read back when its turn comes). */
  body: string | Uint8Array | undefined;
  state: EntryState;
  /** Failed attempts that count toward the envelope's limit. */
  attempts: number;
  /** While `waiting`: not before this time. */
  notBefore: number;
  /** The journal holds it, so its body may leave memory. */
  journaled: boolean;
}

const isError = (entry: QueueEntry): boolean => (entry.quantities.error ?? 0) > 0;

/**
 * What a body costs in memory, at most: a JavaScript string takes 2 bytes a character as soon as one of
 * them is beyond Latin-1 (an ellipsis in a clipped source line is enough), so that is what is counted.
 */
export const memoryCost = (body: string | Uint8Array): number =>
  typeof body === 'string' ? body.length * 2 : body.byteLength;

/**
 * The in-memory queue of one destination, the single source of truth within a process. Bounded when an
 * envelope is admitted, by count, bytes and the memory its bodies take: a full queue refuses the
 * newcomer, after expired entries and (for an error) log batches and reports have given way; an entry
 * being sent is never evicted. This process's envelopes go before a backlog replayed from the journal,
 * oldest first within each.
 */
export function createEnvelopeQueue(limits: QueueLimits, journaled: boolean) {
  const live = new Map<string, QueueEntry>();
  const backlog = new Map<string, QueueEntry>();
  // Without a journal every body stays in memory: the memory budget bounds the queue too. With one, bodies
  // over the budget leave memory once written (spilled synchronously when the journal can); twice the
  // budget is the ceiling for those it could not take yet (not set up, failed): newcomers are then refused
  // rather than memory growing without bound.
  const maxBytes = journaled ? limits.maxBytes : Math.min(limits.maxBytes, limits.maxMemoryBytes / 2);
  const maxMemory = journaled ? 2 * limits.maxMemoryBytes : limits.maxMemoryBytes;
  let bytes = 0;
  let memoryBytes = 0;
  /** Entries that carry no error: the only ones an error may push out. */
  let others = 0;

  const cost = (entry: QueueEntry): number => (entry.body === undefined ? 0 : memoryCost(entry.body));
  const roomFor = (entry: QueueEntry, count: number, total: number, memory: number): boolean =>
    count < limits.maxEntries && total + entry.bytes <= maxBytes && memory + cost(entry) <= maxMemory;
  const fits = (entry: QueueEntry): boolean => roomFor(entry, live.size + backlog.size, bytes, memoryBytes);
  const all = function* (): Generator<QueueEntry> {
    yield* live.values();
    yield* backlog.values();
  };

  function remove(entry: QueueEntry): void {
    if (!live.delete(entry.id) && !backlog.delete(entry.id)) return;
    bytes -= entry.bytes;
    memoryBytes -= cost(entry);
    if (!isError(entry)) others--;
  }

  /** Removes entries past their age (`now` monotonic) that are not on the wire; the oldest stand first. */
  function expire(now: number): QueueEntry[] {
    const expired: QueueEntry[] = [];
    for (const map of [live, backlog]) {
      for (const entry of map.values()) {
        if (entry.bornAt >= now - limits.ttlMs) break;
        if (entry.state !== 'sending') expired.push(entry);
      }
    }
    expired.forEach(remove);
    return expired;
  }

  /** Log batches and reports, oldest first, that make room for `entry`; none if they cannot. */
  function giveWay(entry: QueueEntry): QueueEntry[] {
    if (!isError(entry) || others === 0) return [];
    const chosen: QueueEntry[] = [];
    let [count, total, memory] = [live.size + backlog.size, bytes, memoryBytes];
    for (const candidate of all()) {
      if (roomFor(entry, count, total, memory)) break;
      if (isError(candidate) || candidate.state === 'sending') continue;
      chosen.push(candidate);
      [count, total, memory] = [count - 1, total - candidate.bytes, memory - cost(candidate)];
    }
    return roomFor(entry, count, total, memory) ? chosen : [];
  }

  function add(entry: QueueEntry, into: Map<string, QueueEntry>): void {
    into.set(entry.id, entry);
    bytes += entry.bytes;
    memoryBytes += cost(entry);
    if (!isError(entry)) others++;
  }

  return {
    /** Admits `entry` if the bound allows; what had to go is returned to be counted (once each). */
    admit(entry: QueueEntry, now: number, from: 'live' | 'backlog' = 'live') {
      const expired = fits(entry) ? [] : expire(now);
      const evicted = fits(entry) ? [] : giveWay(entry);
      evicted.forEach(remove);
      const admitted = fits(entry);
      if (admitted) add(entry, from === 'live' ? live : backlog);
      return { admitted, expired, evicted };
    },
    remove,
    expire,
    /** Every entry in sending order: this process's first, then the backlog. */
    entries: all,
    /**
     * Calls `visit` with every entry in sending order until it returns false (entries it removes meanwhile
     * are skipped). The transport's scan after every answer: no iterator result object per entry, as a
     * generator makes (a backlog replay's scans made hundreds of megabytes of them).
     */
    forEachEntry(visit: (entry: QueueEntry) => boolean): void {
      for (const entry of live.values()) if (!visit(entry)) return;
      for (const entry of backlog.values()) if (!visit(entry)) return;
    },
    get size(): number {
      return live.size + backlog.size;
    },
    has: (id: string): boolean => live.has(id) || backlog.has(id),
    /** Whether bodies in memory take more than the budget (a journal should take some). */
    overBudget: (): boolean => memoryBytes > limits.maxMemoryBytes,
    /** Lets the body of a journaled entry leave memory while memory is over its budget. */
    trimBody(entry: QueueEntry): void {
      if (!live.has(entry.id) && !backlog.has(entry.id)) return;
      if (!entry.journaled || entry.body === undefined || entry.state === 'sending') return;
      if (memoryBytes <= limits.maxMemoryBytes) return;
      memoryBytes -= memoryCost(entry.body);
      entry.body = undefined;
    },
    /** Puts a body read back from the journal into memory again. */
    restoreBody(entry: QueueEntry, body: string | Uint8Array): void {
      if (entry.body === undefined && (live.has(entry.id) || backlog.has(entry.id))) memoryBytes += memoryCost(body);
      entry.body = body;
    },
    /** Whether a replayed entry may keep this body in memory. */
    hasMemoryFor: (body: string | Uint8Array): boolean => memoryBytes + memoryCost(body) <= limits.maxMemoryBytes,
  };
}

export type EnvelopeQueue = ReturnType<typeof createEnvelopeQueue>;
