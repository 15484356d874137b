// Issue 24, item 8: requests in flight. Scripted requests (no network) that answer when the test says, so
// what is in flight at each moment is exact.
import { createEventEnvelope, createSentryDestination, createTransport, uuid4 } from '@faultline/core';
import type { TransportMakeRequestResponse } from '@faultline/core';
import { describe, expect, it } from 'vitest';

const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A transport whose requests wait until `answer(status)` answers every one in flight. */
function setup(concurrency: number) {
  const waiting: ((response: TransportMakeRequestResponse | Error) => void)[] = [];
  let peak = 0;
  const transport = createTransport(
    {
      destination: createSentryDestination({ url: 'http://receiver.test/api/1/envelope/' }),
      recordDroppedEvent: () => undefined,
      queue: { maxEntries: 10_000 },
      concurrency,
      retryBaseMs: 1,
      probeMaxMs: 1,
    },
    () =>
      new Promise((resolve, reject) => {
        waiting.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer)));
        peak = Math.max(peak, waiting.length);
      }),
  );
  return {
    transport,
    inFlight: () => waiting.length,
    peak: () => peak,
    async answer(answer: TransportMakeRequestResponse | Error) {
      for (const respond of waiting.splice(0)) respond(answer);
      await settle();
    },
  };
}

describe('createTransport in flight', () => {
  it('sends at most 8 at once until the destination accepts one, then up to its concurrency', async () => {
    const { transport, inFlight, answer } = setup(128);
    for (let i = 0; i < 500; i++)
      void transport.send(createEventEnvelope({ event_id: uuid4(), message: `${i}` }, { sdk }));
    await settle();
    expect(inFlight()).toBe(8); // a cold start: the destination may be down, or need one HTTP/2 connection
    await answer({ statusCode: 200 });
    expect(inFlight()).toBe(128);
    await answer(new Error('ECONNRESET')); // an outage: one probe at a time, then cold again
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(inFlight()).toBe(1);
    await answer({ statusCode: 200 });
    expect(inFlight()).toBe(128);
    while (inFlight() > 0) await answer({ statusCode: 200 });
    expect(await transport.flush(5000)).toBe(true);
  });

  it('keeps below 8 when that is its concurrency', async () => {
    const { transport, peak, answer } = setup(4);
    for (let i = 0; i < 50; i++)
      void transport.send(createEventEnvelope({ event_id: uuid4(), message: `${i}` }, { sdk }));
    for (let round = 0; round < 10; round++) await answer({ statusCode: 200 });
    expect(peak()).toBe(4);
  });
});
