import type { Transport } from '../client/types';
import { debugLogger } from '../debugLogger';
import type { Envelope } from '../envelope/types';
import type { DataCategory, DropReason } from '../types';
import { jitteredBackoff } from './backoff';
import { createAcknowledger } from './createAcknowledger';
import { createDestinationHealth } from './createDestinationHealth';
import { createEnvelopeQueue, type QueueEntry } from './createEnvelopeQueue';
import { createQueueEntry, recordOf } from './createQueueEntry';
import { createPendingEncodes } from './createPendingEncodes';
import { createReplaySink } from './createReplaySink';
import { createWakeTimer } from './createWakeTimer';
import { createSentryDestination } from './createSentryDestination';
import { decideOutcome } from './decideOutcome';
import { createHandOff } from './createHandOff';
import { noticeRejections } from './noticeRejections';
import { requestFor } from './requestFor';
import { filterEnvelope, itemCategory, itemQuantity } from './envelopeQuantities';
import { disabledUntil, updateRateLimits, type RateLimits } from './rateLimits';
import { sendRequest } from './sendRequest';
import type { DeliveryOptions, Destination, MakeRequest, QueueLimits, SentryTransportOptions } from './types';
import { waitUntilDrained } from './waitUntilDrained';

/** Longest a flush waits on the journal's acknowledgements, should its disk hang (for replay: createReplaySink). */
const JOURNAL_WAIT_MS = 5000;

/**
 * Browser-sized defaults: every body stays in memory (a page being hidden hands them off from there), at
 * 2 bytes a character. Node raises the bound and keeps less in memory (its journal is read back).
 */
export const DEFAULT_QUEUE_LIMITS: QueueLimits = {
  maxEntries: 100,
  maxBytes: 2 * 1024 * 1024,
  ttlMs: 7 * 24 * 60 * 60 * 1000,
  maxMemoryBytes: 4 * 1024 * 1024,
};

/**
 * Delivery policy for one destination; the platform supplies only `makeRequest`. The queue lives in
 * memory, one record per envelope with one state, bounded when `send` is called; a journal (when given)
 * holds each envelope from before its first attempt until it is delivered or given up, so a restart sends
 * what a crash left. Rate limits, retries with backoff, one probe while the destination fails, and every
 * loss counted once with its reason. Also takes Sentry's transport options (`{ url, recordDroppedEvent }`),
 * so a custom transport written for `@sentry/core` works unchanged. `send` never rejects.
 */
export function createTransport(
  options: DeliveryOptions | SentryTransportOptions,
  makeRequest: MakeRequest,
): Transport {
  const delivery = options as Partial<DeliveryOptions> & Pick<DeliveryOptions, 'recordDroppedEvent'>;
  const sentry = options as SentryTransportOptions;
  const destination: Destination =
    delivery.destination ?? createSentryDestination({ url: sentry.url ?? '', headers: sentry.headers });
  const { recordDroppedEvent, journal } = delivery;
  const sentryBufferSize = sentry.bufferSize;
  const limitsConfig: QueueLimits = {
    ...DEFAULT_QUEUE_LIMITS,
    ...(sentryBufferSize ? { maxEntries: sentryBufferSize } : {}),
    ...delivery.queue,
  };
  const concurrency = delivery.concurrency ?? 32;
  const maxAttempts = delivery.maxAttempts ?? 8;
  const retryBaseMs = delivery.retryBaseMs ?? 1000;
  const retryMaxMs = delivery.retryMaxMs ?? 60_000;
  const probeMaxMs = delivery.probeMaxMs ?? 10_000;
  const requestTimeoutMs = delivery.requestTimeoutMs ?? 30_000;
  const name = destination.name;

  const queue = createEnvelopeQueue(limitsConfig, Boolean(journal));
  const health = createDestinationHealth((streak) => jitteredBackoff(streak, retryBaseMs, probeMaxMs));
  const drained = waitUntilDrained();
  let limits: RateLimits = {};
  let sending = 0;
  let admitting = 0;
  let replaying = Boolean(journal);
  /** How to abandon each request on the wire, for close(). */
  const onTheWire = new Set<() => void>();
  let closed = false;
  const encodes = createPendingEncodes();
  const wake = createWakeTimer(() => pump());
  const request = noticeRejections(makeRequest, name, destination.isPermanent);
  const acknowledgements = journal && createAcknowledger(journal, JOURNAL_WAIT_MS, () => pump());

  /** Counts a lost envelope once, with one reason; the drop counts of a report riding in it are carried forward. */
  function lose(entry: Pick<QueueEntry, 'quantities' | 'reports'>, reason: DropReason): void {
    for (const [category, quantity] of Object.entries(entry.quantities)) {
      recordDroppedEvent(reason, category as DataCategory, quantity);
    }
    if (destination.sendsClientReports === false) return;
    for (const report of entry.reports ?? []) recordDroppedEvent(report.reason, report.category, report.quantity);
  }
  /** Done with an entry: out of the queue and the journal, counted as lost when `reason` is given. */
  function settle(entry: QueueEntry, reason?: DropReason): void {
    queue.remove(entry);
    replay?.left(entry);
    if (reason) {
      debugLogger.log(`${name}: dropped envelope ${entry.id} (${reason})`);
      lose(entry, reason);
    }
    acknowledgements?.acknowledge(entry.id);
  }
  function admit(entry: QueueEntry, from: 'live' | 'backlog'): boolean {
    const { admitted, expired, evicted } = queue.admit(entry, Date.now(), from);
    for (const old of expired) settle(old, 'network_error');
    for (const old of evicted) settle(old, 'queue_overflow');
    if (!admitted) {
      debugLogger.log(`${name}: queue full (${queue.size} envelopes), refused a newcomer`);
      lose(entry, 'queue_overflow');
    }
    return admitted;
  }
  const blockedUntil = (entry: QueueEntry): number =>
    Math.max(0, ...Object.keys(entry.quantities).map((category) => disabledUntil(limits, category)));

  function pump(): void {
    if (closed) return;
    const now = Date.now();
    const paused = health.pausedUntil();
    let slots = health.maxInFlight(concurrency) - sending;
    if (paused > now) wake.at(paused);
    else {
      for (const entry of queue.entries()) {
        if (slots <= 0) break;
        if (entry.state === 'sending') continue;
        if (now - entry.createdAt > Math.min(limitsConfig.ttlMs, destination.maxAgeMs ?? Infinity)) {
          settle(entry, 'network_error');
          continue;
        }
        const notBefore = Math.max(entry.state === 'waiting' ? entry.notBefore : 0, blockedUntil(entry));
        if (notBefore > now) {
          wake.at(notBefore);
          continue;
        }
        slots--;
        void attempt(entry);
      }
    }
    if (queue.size === 0 && admitting === 0 && !acknowledgements?.pending && !replaying) drained.notify();
  }

  async function attempt(entry: QueueEntry): Promise<void> {
    entry.state = 'sending';
    sending++;
    const stamp = health.start();
    try {
      const body = entry.body ?? (await journal?.read(entry.id));
      if (body === undefined) return settle(entry, 'internal_sdk_error');
      queue.restoreBody(entry, body);
      const started = Date.now();
      const response = await sendRequest(
        request,
        requestFor(destination, entry, body, started),
        requestTimeoutMs,
        onTheWire,
      ).catch((error: unknown) => {
        debugLogger.log(`${name}: unreachable (${error instanceof Error ? error.message : String(error)})`);
        return undefined;
      });
      const now = Date.now();
      if (response) limits = updateRateLimits(limits, response, now);
      const decision = decideOutcome({
        response,
        limits,
        categories: Object.keys(entry.quantities),
        attempts: entry.attempts,
        now,
        maxAttempts,
        retryDelay: (step) => jitteredBackoff(step, retryBaseMs, retryMaxMs),
        isPermanent: destination.isPermanent,
      });
      if (decision.destination.kind === 'healthy') health.succeeded();
      else if (decision.destination.kind === 'failing') health.failed(stamp, now, decision.destination.pauseUntil);
      const status = response ? `HTTP ${response.statusCode}` : 'no answer';
      const outcome = decision.envelope;
      if (outcome.kind === 'delivered') {
        debugLogger.log(`${name}: sent envelope ${entry.id} (${status}, ${now - started} ms)`);
        return settle(entry);
      }
      if (outcome.kind === 'drop') return settle(entry, outcome.reason);
      debugLogger.log(`${name}: ${status} for envelope ${entry.id}, retry in ${outcome.at - now} ms`);
      if (outcome.attempt) entry.attempts++;
      entry.state = 'waiting';
      entry.notBefore = outcome.at;
      queue.trimBody(entry);
    } catch (error) {
      debugLogger.error(`${name}: delivery failed`, error);
      if (queue.has(entry.id)) settle(entry, 'internal_sdk_error');
    } finally {
      sending--;
      pump();
    }
  }

  /**
   * Queues an envelope (the bound is applied here, with no I/O) and hands it to the journal before its first
   * attempt. The attempt does not wait for the write: delivery never depends on the disk keeping up (an
   * overloaded process or a slow disk would hold every body in memory and send nothing meanwhile).
   */
  function enqueue(envelope: Envelope, encoded: Awaited<ReturnType<typeof destination.encode>>): void {
    if (!encoded) return;
    const entry = createQueueEntry(envelope, encoded, Date.now());
    if (!admit(entry, 'live') || !journal) return;
    void journal.append(recordOf(entry, encoded.body)).then((durable) => {
      entry.journaled = durable;
      queue.trimBody(entry);
    });
  }

  /** The items this destination may take now: those of rate-limited categories are dropped and counted. */
  function allowedNow(envelope: Envelope): Envelope | undefined {
    const now = Date.now();
    return filterEnvelope(envelope, (item) => {
      const category = itemCategory(item);
      if (disabledUntil(limits, category) <= now) return true;
      if (category !== 'internal') recordDroppedEvent('ratelimit_backoff', category, itemQuantity(item));
      return false;
    });
  }

  // Replay takes what earlier processes left no faster than the queue sends it: half the queue at most, so
  // this process's own envelopes keep room (a backlog of 50,000 costs the memory of what is queued).
  const replay =
    journal &&
    createReplaySink({
      queue,
      maxEntries: limitsConfig.maxEntries,
      admit: (entry) => admit(entry, 'backlog'),
      unreadable: (quantities) => lose({ quantities }, 'internal_sdk_error'),
      pump: () => pump(),
      onStall: () => finishReplay(),
    });
  const finishReplay = (): void => {
    replay?.done();
    replaying = false;
    pump();
  };
  void journal?.open(replay!.sink).then(finishReplay, finishReplay);

  const pageHide = createHandOff({
    entries: () => queue.entries(),
    health,
    limitedUntil: blockedUntil,
    destination,
    settle,
  });
  const transport: Transport = {
    send(envelope) {
      if (closed) {
        lose({ quantities: {} }, 'send_error');
        return Promise.resolve({});
      }
      try {
        const allowed = allowedNow(envelope);
        const encoded = allowed && destination.encode(allowed);
        if (!encoded || !('then' in encoded)) {
          enqueue(allowed ?? envelope, encoded as Awaited<typeof encoded>);
          pump();
          return Promise.resolve({});
        }
        admitting++;
        return encodes
          .settle(allowed, encoded, (value) => enqueue(allowed, value))
          .catch((error: unknown) => debugLogger.error(`${name}: could not encode an envelope`, error))
          .then(() => {
            admitting--;
            pump();
            return {};
          });
      } catch (error) {
        debugLogger.error(`${name}: could not queue an envelope`, error);
        return Promise.resolve({});
      }
    },
    handOff: pageHide.handOff,
    flush(timeout) {
      // An explicit request to try now (the network is back, the page is shown again), except as a page goes.
      if (pageHide.mayResume(Date.now())) health.resume();
      const result = drained.wait(timeout);
      pump();
      return result;
    },
    persistSync() {
      encodes.finishSync((envelope) => destination.encode(envelope, { sync: true }), enqueue);
      journal?.persistSync?.();
    },
    async close(timeout) {
      const flushed = await transport.flush(timeout);
      closed = true;
      replay?.close();
      wake.cancel();
      // What is still on the wire is abandoned (it stays in the journal for the next process): a receiver
      // that never answers must not hold the process after close().
      for (const abandon of [...onTheWire]) abandon();
      await journal?.close();
      return flushed;
    },
  };
  return transport;
}
