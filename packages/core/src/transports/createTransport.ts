import type { Transport } from '../client/types';
import type { Envelope } from '../envelope/types';
import { debugLogger } from '../debugLogger';
import { resolveWithin, setTimer } from '../timers';
import type { DataCategory, DropReason } from '../types';
import { randomHex } from '../uuid4';
import { classifyStatus, fullJitterBackoff, type FailureKind } from './backoff';
import { createMemoryStore, DEFAULT_STORE_LIMITS } from './createMemoryStore';
import { createUnsettledEntries } from './createUnsettledEntries';
import { carriedReports, envelopeQuantities, filterEnvelope, itemCategory, itemQuantity } from './envelopeQuantities';
import { disabledUntil, updateRateLimits, type RateLimits } from './rateLimits';
import { sendRequest } from './sendRequest';
import type { DeliveryOptions, Eviction, MakeRequest, StoredEnvelope } from './types';

/** How long to leave an entry another tab is sending before looking at it again. */
const CLAIM_RETRY_MS = 5000;

/**
 * Delivery policy for one destination; the platform supplies only `makeRequest`. Write-ahead: each
 * envelope is stored before its first attempt and removed only once delivered or permanently refused.
 * Rate limits, retries with backoff, bounded queue, and every drop counted by reason. `send` never
 * rejects; `flush(timeout)` resolves to whether the queue drained in time.
 */
export function createTransport(options: DeliveryOptions, makeRequest: MakeRequest): Transport {
  const { destination, recordDroppedEvent } = options;
  const store = options.store ?? createMemoryStore(options.queue);
  const concurrency = options.concurrency ?? 32;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const retryMaxMs = options.retryMaxMs ?? 60_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;

  let limits: RateLimits = {};
  let pausedUntil = 0;
  /** Consecutive unreachable answers: while > 0, only one probe is in flight. */
  let failureStreak = 0;
  let sequence = 0;
  let admitting = 0;
  /** Settles once every envelope handed to send() so far is encoded (not yet necessarily stored). */
  let encodings: Promise<unknown> = Promise.resolve();
  const unsettled = createUnsettledEntries({ ...DEFAULT_STORE_LIMITS, ...options.queue });
  let pumping = false;
  let pumpAgain = false;
  let cancelWake: (() => void) | undefined;
  let wakeAt = Infinity;
  /** Entries being attempted (claim, request, settle). */
  const inFlight = new Set<string>();
  /** Entries whose request has been made: a keepalive request outlives the page, so no hand-off. */
  const requested = new Set<string>();
  /** Entries a hand-off sent while their attempt still waited for a claim: that attempt must not send. */
  const handedOff = new Set<string>();
  /** Entries another tab is sending, with when to look at them again. */
  const claimedElsewhere = new Map<string, number>();
  let drainWaiters: (() => void)[] = [];

  const drop = (reason: DropReason, quantities: StoredEnvelope['quantities']): void => {
    for (const [category, quantity] of Object.entries(quantities)) {
      recordDroppedEvent(reason, category as DataCategory, quantity);
    }
  };
  const dropEvictions = (evictions: Eviction[]): void => {
    for (const { entry, reason } of evictions) {
      unsettled.forget(entry.id);
      drop(reason === 'expired' ? 'network_error' : 'queue_overflow', entry.quantities);
      // The report it carried is lost with it: count its drops again for the next report.
      for (const report of entry.reports ?? []) recordDroppedEvent(report.reason, report.category, report.quantity);
    }
  };
  /** Done with an entry: out of the store, and out of what a page-hide hand-off would send. */
  const removeEntry = (id: string): Promise<void> => {
    unsettled.forget(id);
    return store.remove(id);
  };
  const blockedUntil = (entry: StoredEnvelope): number =>
    Math.max(pausedUntil, ...Object.keys(entry.quantities).map((category) => disabledUntil(limits, category)));

  function wakeIn(ms: number): void {
    const at = Date.now() + ms;
    if (at >= wakeAt) return;
    cancelWake?.();
    wakeAt = at;
    cancelWake = setTimer(() => {
      wakeAt = Infinity;
      cancelWake = undefined;
      void pump();
    }, ms);
  }

  async function pump(): Promise<void> {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        const slots = (failureStreak > 0 ? 1 : concurrency) - inFlight.size;
        if (slots <= 0) break;
        // Enough candidates to fill the slots past entries in flight or rate-limited; while the destination
        // fails, only one probe goes, so a durable store need not read its whole backlog on every send.
        const window = failureStreak > 0 ? 8 : Math.max(32, concurrency * 4);
        const { entries, evictions } = await store.peek(window + inFlight.size);
        dropEvictions(evictions);
        const now = Date.now();
        let started = 0;
        for (const [id, until] of claimedElsewhere) if (until <= now) claimedElsewhere.delete(id);
        for (const entry of entries) {
          if (started >= slots) break;
          if (inFlight.has(entry.id) || claimedElsewhere.has(entry.id)) continue;
          if (destination.maxAgeMs !== undefined && now - entry.createdAt > destination.maxAgeMs) {
            await removeEntry(entry.id);
            drop('network_error', entry.quantities);
            continue;
          }
          const until = blockedUntil(entry);
          if (until > now) {
            wakeIn(until - now);
            continue;
          }
          started++;
          void attempt(entry);
        }
      } while (pumpAgain);
    } catch (error) {
      debugLogger.error(`${destination.name}: reading the queue failed`, error);
    } finally {
      pumping = false;
    }
    await notifyIfDrained();
  }

  async function attempt(entry: StoredEnvelope): Promise<void> {
    inFlight.add(entry.id);
    try {
      const delivered = () => deliver(entry);
      const claimed = store.claim ? await store.claim(entry.id, delivered) : (await delivered(), true);
      if (!claimed) {
        claimedElsewhere.set(entry.id, Date.now() + CLAIM_RETRY_MS);
        wakeIn(CLAIM_RETRY_MS);
      }
    } catch (error) {
      debugLogger.error(`${destination.name}: updating the queue failed`, error);
    } finally {
      inFlight.delete(entry.id);
      handedOff.delete(entry.id);
      void pump();
    }
  }

  async function deliver(entry: StoredEnvelope): Promise<void> {
    if (handedOff.has(entry.id)) return; // a beacon took it while this attempt waited
    let failure: FailureKind | undefined;
    requested.add(entry.id);
    try {
      const response = await sendRequest(makeRequest, destination, entry, requestTimeoutMs);
      limits = updateRateLimits(limits, response, Date.now());
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      failure = ok ? undefined : classifyStatus(response.statusCode, destination.isPermanent);
      if (failure === 'permanent')
        debugLogger.warn(`${destination.name} refused an envelope: HTTP ${response.statusCode}`);
    } catch (error) {
      debugLogger.log(`${destination.name} unreachable`, error);
      failure = 'unreachable';
    } finally {
      requested.delete(entry.id);
    }
    await settle(entry, failure);
  }

  async function settle(entry: StoredEnvelope, failure: FailureKind | undefined): Promise<void> {
    if (failure === undefined) {
      failureStreak = 0;
      pausedUntil = 0;
      return removeEntry(entry.id);
    }
    const isReport = Object.keys(entry.quantities).length === 0;
    if (failure === 'permanent' || isReport) {
      // A client report is never retried: its loss would only be reported by another report.
      await removeEntry(entry.id);
      return drop('send_error', entry.quantities);
    }
    if (failure === 'rate_limited') return; // waits in the queue until the limit lifts
    if (failure === 'unreachable') {
      failureStreak++;
      pausedUntil = Date.now() + fullJitterBackoff(failureStreak, retryBaseMs, retryMaxMs);
      return;
    }
    entry.attempts++;
    if (entry.attempts >= maxAttempts) {
      await removeEntry(entry.id);
      return drop('send_error', entry.quantities);
    }
    pausedUntil = Date.now() + fullJitterBackoff(entry.attempts, retryBaseMs, retryMaxMs);
    await store.update(entry);
  }

  async function notifyIfDrained(): Promise<void> {
    if (drainWaiters.length === 0 || inFlight.size > 0 || admitting > 0) return;
    const { count } = await store.size();
    if (count > 0 || inFlight.size > 0 || admitting > 0) return;
    const waiters = drainWaiters;
    drainWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** The entry to queue for an envelope, or undefined when nothing in it may go to this destination. */
  async function prepare(envelope: Envelope): Promise<StoredEnvelope | undefined> {
    const now = Date.now();
    const allowed = filterEnvelope(envelope, (item) => {
      const category = itemCategory(item);
      if (disabledUntil(limits, category) <= now) return true;
      if (category !== 'internal') recordDroppedEvent('ratelimit_backoff', category, itemQuantity(item));
      return false;
    });
    if (!allowed) return undefined;
    const encoded = await destination.encode(allowed);
    if (!encoded) return undefined;
    const capturedAt = Date.parse(String(envelope[0].sent_at));
    return {
      id: `${now.toString(36).padStart(9, '0')}-${(sequence++).toString(36).padStart(6, '0')}-${randomHex(6)}`,
      createdAt: Number.isNaN(capturedAt) ? now : capturedAt,
      body: encoded.body,
      headers: encoded.headers,
      quantities: envelopeQuantities(allowed),
      reports: carriedReports(allowed),
      attempts: 0,
    };
  }

  const requestFor = (entry: StoredEnvelope) => ({
    url: destination.url,
    headers: { ...destination.headers, ...entry.headers },
    body: entry.body,
  });

  // Replay what an earlier run (or page) left in a durable store.
  void pump();

  return {
    async send(envelope) {
      admitting++;
      const encoding = prepare(envelope);
      // Settles to undefined: chaining the entries themselves would keep every one alive.
      encodings = Promise.all([encodings, encoding]).then(
        () => undefined,
        () => undefined,
      );
      try {
        const entry = await encoding;
        if (entry) {
          unsettled.remember(entry);
          dropEvictions(await store.push(entry));
        }
      } catch (error) {
        debugLogger.error(`${destination.name}: could not queue an envelope`, error);
      } finally {
        admitting--;
      }
      void pump();
      return {};
    },
    async handOff(deliver) {
      try {
        await encodings;
        // This page's own entries first, without a round trip to the store: a hidden page may get no
        // further task, so one whose attempt still waits on the store must go now too.
        for (const entry of unsettled.list()) {
          if (requested.has(entry.id) || !deliver(requestFor(entry))) continue;
          if (inFlight.has(entry.id)) handedOff.add(entry.id);
          void removeEntry(entry.id).catch(() => undefined);
        }
        // Then what earlier pages left, if the page lives long enough, each claimed so no other tab sends it.
        const { entries } = await store.peek(Number.MAX_SAFE_INTEGER);
        for (const entry of entries) {
          if (inFlight.has(entry.id) || claimedElsewhere.has(entry.id)) continue;
          const beacon = async () => {
            if (deliver(requestFor(entry))) await removeEntry(entry.id);
          };
          await (store.claim ? store.claim(entry.id, beacon) : beacon());
        }
      } catch (error) {
        debugLogger.error(`${destination.name}: handing off the queue failed`, error);
      }
    },
    flush(timeout) {
      // A flush is an explicit request to try now (the browser calls it when the network comes back).
      pausedUntil = 0;
      claimedElsewhere.clear();
      let waiter!: () => void;
      const drained = new Promise<boolean>((resolve) => drainWaiters.push((waiter = () => resolve(true))));
      void pump();
      return resolveWithin(drained, timeout, false).finally(() => {
        drainWaiters = drainWaiters.filter((w) => w !== waiter);
      });
    },
  };
}
