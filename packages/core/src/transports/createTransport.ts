import type { Transport } from '../client/types';
import { debugLogger } from '../debugLogger';
import type { Envelope } from '../envelope/types';
import type { DataCategory, DropReason } from '../types';
import { jitteredBackoff } from './backoff';
import { createAcknowledger } from './createAcknowledger';
import { createDestinationHealth } from './createDestinationHealth';
import { DEFAULT_QUEUE_LIMITS } from './defaultQueueLimits';
import { createEnvelopeQueue, type QueueEntry } from './createEnvelopeQueue';
import { createQueueEntry, recordOf } from './createQueueEntry';
import { createPendingEncodes } from './createPendingEncodes';
import { createReplaySink } from './createReplaySink';
import { createWakeTimer } from './createWakeTimer';
import { createSpill } from './createSpill';
import { decideOutcome } from './decideOutcome';
import { createHandOff } from './createHandOff';
import { noticeRejections } from './noticeRejections';
import { requestFor } from './requestFor';
import { allowedItems, disabledUntil, updateRateLimits, type RateLimits } from './rateLimits';
import { sendRequest } from './sendRequest';
import { resolveDeliverySettings } from './resolveDeliverySettings';
import type { DeliveryOptions, MakeRequest, SentryTransportOptions } from './types';
import { waitUntilDrained } from './waitUntilDrained';

/** Longest a flush waits on the journal's acknowledgements, should its disk hang (for replay: createReplaySink). */
const JOURNAL_WAIT_MS = 5000;
const COLD_IN_FLIGHT = 8;

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
  const settings = resolveDeliverySettings(options, DEFAULT_QUEUE_LIMITS);
  const { destination, recordDroppedEvent, journal, metrics } = settings;
  const { limits: limitsConfig, concurrency, maxAttempts } = settings;
  const { retryBaseMs, retryMaxMs, probeMaxMs, requestTimeoutMs, clock, onHealthChange } = settings;
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
  /**
   * Whether the destination has accepted something since it last failed. Until then at most COLD_IN_FLIGHT
   * requests go out at once: a burst at start (or after an outage) does not open every connection to a
   * destination that may be down, or that speaks HTTP/2 and needs only one. One answer later, all of them.
   */
  let confirmed = false;
  const coldLimit = Math.min(concurrency, COLD_IN_FLIGHT);
  const wake = createWakeTimer(() => pump(), clock);
  const encodes = createPendingEncodes();
  const request = noticeRejections(makeRequest, name, destination.isPermanent);
  const acknowledgements = journal && createAcknowledger(journal, JOURNAL_WAIT_MS, () => pump(), clock);
  /** What onHealthChange last said: nothing until the first answer (an earlier page may have said failing). */
  let reportedHealthy: boolean | undefined;
  let durable = true; // the journal kept the last envelope it was given (faultline_journal_durable)
  // Read only when the SDK's metrics are (a scrape): the queue, the journal and the limits as of then.
  const observer = metrics?.observe(name, () => ({
    entries: queue.entries(),
    capacity: limitsConfig.maxEntries,
    durable: journal && (journal.isDurable?.() ?? durable),
    limits,
    now: clock.now(), // the limits are on the delivery clock
  }));

  /** Counts a lost envelope once, with one reason; the drop counts of a report riding in it are carried forward. */
  function lose(entry: Pick<QueueEntry, 'quantities' | 'reports'>, reason: DropReason): void {
    for (const [category, quantity] of Object.entries(entry.quantities)) {
      recordDroppedEvent(reason, category as DataCategory, quantity);
    }
    if (destination.sendsClientReports === false) return;
    for (const report of entry.reports ?? []) recordDroppedEvent(report.reason, report.category, report.quantity, true);
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
    const { admitted, expired, evicted } = queue.admit(entry, clock.now(), from);
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
    const now = clock.now();
    const paused = health.pausedUntil();
    let slots = health.maxInFlight(confirmed ? concurrency : coldLimit) - sending;
    if (paused > now) wake.at(paused);
    else {
      queue.forEachEntry((entry) => {
        if (slots <= 0) return false;
        if (entry.state === 'sending') return true;
        if (now - entry.bornAt > Math.min(limitsConfig.ttlMs, destination.maxAgeMs ?? Infinity)) {
          settle(entry, 'network_error');
          return true;
        }
        const notBefore = Math.max(entry.state === 'waiting' ? entry.notBefore : 0, blockedUntil(entry));
        if (notBefore > now) {
          wake.at(notBefore);
          return true;
        }
        slots--;
        void attempt(entry);
        return true;
      });
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
      const started = clock.now();
      const response = await sendRequest(
        request,
        requestFor(destination, entry, body, clock.wall()),
        requestTimeoutMs,
        onTheWire,
        clock,
      ).catch((error: unknown) => {
        debugLogger.log(`${name}: unreachable (${error instanceof Error ? error.message : String(error)})`);
        return undefined;
      });
      const [now, wallNow] = [clock.now(), clock.wall()];
      if (response) limits = updateRateLimits(limits, response, now, wallNow);
      const decision = decideOutcome({
        response,
        limits,
        categories: Object.keys(entry.quantities),
        attempts: entry.attempts,
        now,
        wallNow,
        maxAttempts,
        retryDelay: (step) => jitteredBackoff(step, retryBaseMs, retryMaxMs),
        isPermanent: destination.isPermanent,
      });
      observer?.sent(decision, (now - started) / 1000);
      if (decision.destination.kind === 'healthy') health.succeeded();
      else if (decision.destination.kind === 'failing') health.failed(stamp, now, decision.destination.pauseUntil);
      if (health.isHealthy() !== reportedHealthy) onHealthChange?.(destination, (reportedHealthy = health.isHealthy()));
      confirmed = decision.envelope.kind === 'delivered' || (confirmed && decision.destination.kind !== 'failing');
      const status = response ? `HTTP ${response.statusCode}` : 'no answer';
      const outcome = decision.envelope;
      if (outcome.kind === 'delivered') {
        debugLogger.log(`${name}: sent envelope ${entry.id} (${status}, ${Math.round(now - started)} ms)`);
        return settle(entry);
      }
      if (outcome.kind === 'drop') return settle(entry, outcome.reason);
      debugLogger.log(`${name}: ${status} for envelope ${entry.id}, retry in ${Math.round(outcome.at - now)} ms`);
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

  const persistSync = journal?.persistSync?.bind(journal);
  const spill = persistSync && createSpill({ persistSync }, queue, limitsConfig.maxMemoryBytes);
  /** Hands an entry to the journal; its body may leave memory once written (over the budget: spilled now). */
  function append(entry: QueueEntry): void {
    void journal?.append(recordOf(entry, entry.body!)).then((kept) => {
      entry.journaled = durable = kept;
      queue.trimBody(entry);
    });
    if (queue.overBudget()) spill?.add(entry);
  }

  /**
   * Queues an envelope (the bound is applied here, with no I/O) and hands it to the journal before its first
   * attempt. The attempt does not wait for the write: delivery never depends on the disk keeping up (an
   * overloaded process or a slow disk would hold every body in memory and send nothing meanwhile). Over the
   * memory budget, bodies are spilled to the journal synchronously.
   */
  function enqueue(envelope: Envelope, encoded: Awaited<ReturnType<typeof destination.encode>>): void {
    if (!encoded) return;
    const entry = createQueueEntry(envelope, encoded, clock.now(), clock.wall());
    if (admit(entry, 'live') && journal) append(entry);
  }

  const allowedNow = (envelope: Envelope) => allowedItems(envelope, limits, clock.now(), recordDroppedEvent);

  // Replay takes what earlier processes left no faster than the queue sends it: a few requests' worth per
  // slot, and half the queue at most, so this process's own envelopes keep room (see createReplaySink).
  const replay =
    journal &&
    createReplaySink({
      queue,
      maxEntries: limitsConfig.maxEntries,
      concurrency,
      clock,
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
    clock,
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
      if (pageHide.mayResume()) health.resume();
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
