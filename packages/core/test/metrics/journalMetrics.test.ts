// getSdkMetrics on the journal's paths: core's transport over a memory journal (test-utils' reference journal;
// the Node file journal's own path is in packages/node/test/metrics/journalDurableGauge.test.ts), posting to a
// real HTTP receiver on 127.0.0.1.
import {
  captureException,
  flush,
  getSdkMetrics,
  init,
  makeDeliveryTransport,
  type EnvelopeJournal,
} from '@faultline/core';
import {
  createMemoryJournal,
  journalLeftBehind,
  makeFetchRequest,
  resetCarrier,
  startReceiver,
  type Receiver,
} from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';

const receivers: Receiver[] = [];
afterEach(async () => {
  resetCarrier();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function start(journal: EnvelopeJournal, maxBytes = 1024 * 1024) {
  const receiver = await startReceiver(() => ({ status: 200 }));
  receivers.push(receiver);
  resetCarrier();
  init({
    dsn: `http://public@127.0.0.1:${receiver.port}/1`,
    transport: makeDeliveryTransport(makeFetchRequest, {
      retryBaseMs: 20,
      probeMaxMs: 100,
      queue: { maxBytes },
      createJournal: () => journal,
    }),
  });
  return receiver;
}

describe('getSdkMetrics with a journal', () => {
  it('counts the replayed envelopes the queue refuses once, as queue_overflow, and those it sends as ok', async () => {
    // Bodies of ~3 KB against a 4 KB byte bound: one replayed envelope fits at a time, so while it waits to
    // be sent, the others of the batch are refused; nothing is captured by this process.
    const receiver = await start(journalLeftBehind(5, 3000), 4000);
    expect(await flush(5000)).toBe(true);
    expect(await flush(5000)).toBe(true); // the client report of the refused ones
    const metrics = getSdkMetrics()!;
    const delivered = receiver.accepted().filter((request) => request.body.includes('"type":"event"')).length;
    expect(metrics.eventsCaptured.error).toBe(0); // captured by the process that died, not by this one
    expect(metrics.eventsDropped.queue_overflow!.error).toBeGreaterThan(0);
    expect(metrics.eventsDropped.queue_overflow!.error! + delivered).toBe(5);
    // Each envelope delivered, the report included, counted once as ok.
    expect(metrics.destinations.sentry!.envelopesSent.ok).toBe(receiver.accepted().length);
    expect(metrics.destinations.sentry).toMatchObject({ queueDepth: 0, journalBytes: 0, journalDurable: true });
  });

  it('reads durability from the journal when it says: back to 1 once it heals, with no append since', async () => {
    let durable = true;
    const memory = createMemoryJournal();
    const journal: EnvelopeJournal = {
      ...memory,
      append: (record) => (durable ? memory.append(record) : Promise.resolve(false)),
      isDurable: () => durable,
    };
    await start(journal);
    durable = false;
    captureException(new Error('while the journal fails'));
    expect(await flush(3000)).toBe(true);
    expect(getSdkMetrics()!.destinations.sentry!.journalDurable).toBe(false);
    durable = true; // healed: no envelope appended since
    expect(getSdkMetrics()!.destinations.sentry!.journalDurable).toBe(true);
    expect(getSdkMetrics()!.eventsCaptured.error).toBe(1);
  });
});
