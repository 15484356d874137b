import type { Transport } from '../client/types';
import type { Envelope } from '../envelope/types';
import { debugLogger } from '../debugLogger';
import { resolveWithin, setTimer } from '../timers';
import type { DataCategory, DropReason } from '../types';
import { randomHex } from '../uuid4';
import { classifyStatus, fullJitterBackoff, type FailureKind } from './backoff';
import { createMemoryStore } from './createMemoryStore';
import { envelopeQuantities, filterEnvelope, itemCategory, itemQuantity } from './envelopeQuantities';
import { disabledUntil, updateRateLimits, type RateLimits } from './rateLimits';
import { sendRequest } from './sendRequest';
import type { DeliveryOptions, Eviction, MakeRequest, StoredEnvelope } from './types';

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
  /** Settles once every envelope handed to send() so far is in the queue (or was refused). */
  let admissions: Promise<unknown> = Promise.resolve();
  let pumping = false;
  let pumpAgain = false;
  let cancelWake: (() => void) | undefined;
  let wakeAt = Infinity;
  const inFlight = new Set<string>();
  let drainWaiters: (() => void)[] = [];

  const drop = (reason: DropReason, quantities: StoredEnvelope['quantities']): void => {
    for (const [category, quantity] of Object.entries(quantities)) {
      recordDroppedEvent(reason, category as DataCategory, quantity);
    }
  };
  const dropEvictions = (evictions: Eviction[]): void => {
    for (const { entry, reason } of evictions)
      drop(reason === 'expired' ? 'network_error' : 'queue_overflow', entry.quantities);
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
        const { entries, evictions } = await store.peek(Math.max(32, concurrency * 4) + inFlight.size);
        dropEvictions(evictions);
        const now = Date.now();
        let started = 0;
        for (const entry of entries) {
          if (started >= slots) break;
          if (inFlight.has(entry.id)) continue;
          if (destination.maxAgeMs !== undefined && now - entry.createdAt > destination.maxAgeMs) {
            await store.remove(entry.id);
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
    let failure: FailureKind | undefined;
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
    }
    try {
      await settle(entry, failure);
    } catch (error) {
      debugLogger.error(`${destination.name}: updating the queue failed`, error);
    } finally {
      inFlight.delete(entry.id);
      void pump();
    }
  }

  async function settle(entry: StoredEnvelope, failure: FailureKind | undefined): Promise<void> {
    if (failure === undefined) {
      failureStreak = 0;
      pausedUntil = 0;
      return store.remove(entry.id);
    }
    const isReport = Object.keys(entry.quantities).length === 0;
    if (failure === 'permanent' || isReport) {
      // A client report is never retried: its loss would only be reported by another report.
      await store.remove(entry.id);
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
      await store.remove(entry.id);
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

  async function admit(envelope: Envelope): Promise<void> {
    const now = Date.now();
    const allowed = filterEnvelope(envelope, (item) => {
      const category = itemCategory(item);
      if (disabledUntil(limits, category) <= now) return true;
      if (category !== 'internal') recordDroppedEvent('ratelimit_backoff', category, itemQuantity(item));
      return false;
    });
    if (!allowed) return;
    const encoded = await destination.encode(allowed);
    if (!encoded) return;
    const capturedAt = Date.parse(String(envelope[0].sent_at));
    const entry: StoredEnvelope = {
      id: `${now.toString(36).padStart(9, '0')}-${(sequence++).toString(36).padStart(6, '0')}-${randomHex(6)}`,
      createdAt: Number.isNaN(capturedAt) ? now : capturedAt,
      body: encoded.body,
      headers: encoded.headers,
      quantities: envelopeQuantities(allowed),
      attempts: 0,
    };
    dropEvictions(await store.push(entry));
  }

  // Replay what an earlier run (or page) left in a durable store.
  void pump();

  return {
    async send(envelope) {
      admitting++;
      const admitted = admit(envelope);
      admissions = Promise.all([admissions, admitted.catch(() => undefined)]);
      try {
        await admitted;
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
        await admissions;
        const { entries } = await store.peek(Number.MAX_SAFE_INTEGER);
        for (const entry of entries) {
          if (inFlight.has(entry.id)) continue; // a keepalive request already outlives the page
          const request = {
            url: destination.url,
            headers: { ...destination.headers, ...entry.headers },
            body: entry.body,
          };
          if (deliver(request)) await store.remove(entry.id);
        }
      } catch (error) {
        debugLogger.error(`${destination.name}: handing off the queue failed`, error);
      }
    },
    flush(timeout) {
      pausedUntil = 0; // a flush is an explicit request to try now
      const drained = new Promise<boolean>((resolve) => drainWaiters.push(() => resolve(true)));
      void pump();
      return resolveWithin(drained, timeout, false);
    },
  };
}
