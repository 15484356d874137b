// createTransport's gauges (the state it hands over, read by readSdkMetrics) and its registration with the SDK metrics, against a real HTTP receiver.
import {
  createEventEnvelope,
  createSentryDestination,
  createTransport,
  serializeEnvelope,
  uuid4,
  type DeliveryOptions,
  type EnvelopeJournal,
} from '@faultline/core';
import { createMemoryJournal, makeFetchRequest, startReceiver, type Receiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createSdkMetrics } from '../../src/metrics/createSdkMetrics';
import { readSdkMetrics } from '../../src/metrics/readSdkMetrics';

const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };
const envelope = (message: string) =>
  createEventEnvelope({ event_id: uuid4(), timestamp: Date.now() / 1000, message, level: 'error' }, { sdk });

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function setup(overrides: Partial<DeliveryOptions>) {
  let healthy = false;
  const receiver = await startReceiver(() => (healthy ? { status: 200 } : { status: 503 }));
  receivers.push(receiver);
  const metrics = createSdkMetrics({ version: '1', runtime: 'test' });
  const transport = createTransport(
    {
      destination: createSentryDestination({ url: `${receiver.url}/api/1/envelope/` }),
      recordDroppedEvent: () => undefined,
      metrics: metrics.delivery,
      retryBaseMs: 20,
      retryMaxMs: 100,
      probeMaxMs: 100,
      ...overrides,
    },
    makeFetchRequest,
  );
  const stats = () => {
    const { envelopesSent: _, sendDuration: __, ...gauges } = readSdkMetrics(metrics.state).destinations.sentry!;
    return gauges;
  };
  return { transport, metrics, stats, receiver, recover: () => (healthy = true) };
}

describe('createTransport stats', () => {
  it('says what is queued and journaled during an outage, and nothing once it is delivered', async () => {
    const { transport, metrics, stats, receiver, recover } = await setup({ journal: createMemoryJournal() });
    const sent = ['a', 'b', 'c'].map(envelope);
    for (const item of sent) await transport.send(item);
    await receiver.waitFor((requests) => requests.length >= 2); // the first attempt and a probe failed
    const bytes = sent.reduce((sum, item) => sum + serializeEnvelope(item).length, 0);
    expect(stats()).toEqual({
      queueDepth: 3,
      queueCapacity: 100,
      journalBytes: bytes,
      journalDurable: true,
      rateLimitedUntil: { all: 0 },
    });
    recover();
    expect(await transport.flush(3000)).toBe(true);
    expect(stats()).toMatchObject({ queueDepth: 0, journalBytes: 0, journalDurable: true });
    expect(readSdkMetrics(metrics.state).destinations.sentry!.envelopesSent.ok).toBe(3);
  });

  it('says not durable while the journal cannot keep what it is given, and durable again once it can', async () => {
    let failing = true;
    const memory = createMemoryJournal();
    const journal: EnvelopeJournal = {
      ...memory,
      append: (record) => (failing ? Promise.resolve(false) : memory.append(record)),
    };
    const { transport, stats, receiver, recover } = await setup({ journal });
    await transport.send(envelope('memory only'));
    await receiver.waitFor((requests) => requests.length >= 1);
    expect(stats()).toMatchObject({ queueDepth: 1, journalBytes: 0, journalDurable: false });
    failing = false;
    await transport.send(envelope('kept'));
    await receiver.waitFor((requests) => requests.length >= 2);
    expect(stats()).toMatchObject({ queueDepth: 2, journalDurable: true });
    recover();
    expect(await transport.flush(3000)).toBe(true);
  });
});
