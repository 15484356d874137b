// What getSdkMetrics says after real deliveries: core's transport (memory only: no journal here) posting to a
// real HTTP receiver on 127.0.0.1 that answers as each test tells it.
import {
  captureException,
  flush,
  getSdkMetrics,
  init,
  logger,
  makeDeliveryTransport,
  parseEnvelope,
  type CoreOptions,
  type SdkMetrics,
} from '@faultline/core';
import { makeFetchRequest, resetCarrier, startReceiver, type Behavior, type Receiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';

const receivers: Receiver[] = [];
afterEach(async () => {
  resetCarrier();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

/** init({ dsn }) of core against a receiver answering `behave(body, index)`, with short retry steps. */
async function start(behave: (body: string, index: number) => Behavior, options: CoreOptions = {}) {
  const receiver = await startReceiver((request, index) => behave(request.body, index));
  receivers.push(receiver);
  resetCarrier();
  init({
    dsn: `http://public@127.0.0.1:${receiver.port}/1`,
    transport: makeDeliveryTransport(makeFetchRequest, { retryBaseMs: 20, retryMaxMs: 100, probeMaxMs: 100 }),
    ...options,
  });
  return receiver;
}

async function until(predicate: (metrics: SdkMetrics) => boolean): Promise<SdkMetrics> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const metrics = getSdkMetrics()!;
    if (predicate(metrics) || Date.now() > deadline) return metrics;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Drop counts of the client reports the receiver accepted, per `reason:category`. */
function reported(receiver: Receiver): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of receiver.accepted()) {
    for (const [headers, payload] of parseEnvelope(request.body)[1]) {
      if (headers.type !== 'client_report') continue;
      for (const { reason, category, quantity } of (
        payload as { discarded_events: { reason: string; category: string; quantity: number }[] }
      ).discarded_events) {
        counts[`${reason}:${category}`] = (counts[`${reason}:${category}`] ?? 0) + quantity;
      }
    }
  }
  return counts;
}

describe('getSdkMetrics', () => {
  it('is undefined before init, and with sdkMetrics: false', async () => {
    resetCarrier();
    expect(getSdkMetrics()).toBeUndefined();
    await start(() => ({ status: 200 }), { sdkMetrics: false });
    captureException(new Error('not counted'));
    expect(getSdkMetrics()).toBeUndefined();
  });

  it('counts captures, each attempt by outcome with its duration, and reads the queue and limits now', async () => {
    let retried = false;
    const receiver = await start((body) => {
      if (body.includes('label-retried') && !retried) return ((retried = true), { status: 503 });
      if (body.includes('label-rejected')) return { status: 401 };
      if (body.includes('label-limited')) return { status: 429, headers: { 'Retry-After': '60' } };
      return { status: 200 };
    });
    for (const label of ['retried', 'fine', 'rejected']) {
      captureException(new Error(`label-${label}`));
      expect(await flush(3000)).toBe(true);
    }
    const limitedAt = Date.now();
    captureException(new Error('label-limited')); // carries the report of the loss of `rejected`
    logger.debug('below minLevel: not captured');
    logger.info('captured');
    const metrics = await until((m) => m.destinations.sentry!.envelopesSent.rate_limited === 1);
    expect(metrics.runtime).toBe('core');
    expect(metrics.eventsCaptured).toEqual({ error: 4, log_item: 1 });
    expect(metrics.eventsDropped.send_error).toEqual({ error: 1, log_item: 0 });
    const sentry = metrics.destinations.sentry!;
    expect(sentry.envelopesSent).toEqual({ ok: 2, retry: 1, rejected: 1, rate_limited: 1 });
    expect(sentry.sendDuration.count).toBe(receiver.requests.length);
    expect(sentry.sendDuration.sum).toBeGreaterThan(0);
    expect(sentry.queueDepth).toBe(1); // the limited event waits for its limit
    expect(sentry.queueCapacity).toBe(100);
    expect(sentry.journalDurable).toBe(false); // no journal
    expect(sentry.rateLimitedUntil.all).toBeGreaterThanOrEqual(limitedAt / 1000 + 59);
    expect(sentry.rateLimitedUntil.all).toBeLessThanOrEqual(Date.now() / 1000 + 61);
  });

  it('counts a loss once when the report that carried it is lost too (the next report carries it again)', async () => {
    const receiver = await start((body, index) => (index === 0 ? { status: 401 } : { status: 200 }), {
      beforeSend: (event) => (event.exception?.values[0]?.value === 'dropped' ? null : event),
    });
    captureException(new Error('dropped')); // before_send, reported with the next envelope…
    captureException(new Error('carrier')); // …which the receiver refuses: send_error, and the report goes again
    expect(await flush(3000)).toBe(true);
    expect(await flush(3000)).toBe(true); // the report of what the 401 lost
    expect(receiver.requests.map((r) => r.answer)).toEqual([401, 200]);
    expect(reported(receiver)).toEqual({ 'before_send:error': 1, 'send_error:error': 1 });
    const metrics = getSdkMetrics()!;
    expect(metrics.eventsDropped.before_send!.error).toBe(1);
    expect(metrics.eventsDropped.send_error!.error).toBe(1);
  });
});
