import {
  createEventEnvelope,
  createMemoryStore,
  createSentryDestination,
  createTransport,
  parseEnvelope,
  uuid4,
} from '@faultline/core';
import type { DataCategory, DeliveryOptions, DropReason, Envelope, EnvelopeStore, Event } from '@faultline/core';
import { makeFetchRequest, startReceiver, storedEnvelope, type Receiver } from '@faultline/test-utils';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';

const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };
const eventEnvelope = (message = 'boom'): Envelope =>
  createEventEnvelope({ event_id: uuid4(), timestamp: Date.now() / 1000, message, level: 'error' }, { sdk });
const logEnvelope = (): Envelope => [
  { sent_at: new Date().toISOString() },
  [[{ type: 'log', item_count: 2, content_type: 'application/vnd.sentry.items.log+json' }, { items: [{}, {}] }]],
];
const eventIdsOf = (receiver: Receiver) =>
  receiver.accepted().flatMap((r) => parseEnvelope(r.body)[1].map(([, p]) => (p as Event).event_id));

function setup(receiver: Receiver, overrides: Partial<DeliveryOptions> = {}) {
  const drops: [DropReason, DataCategory, number][] = [];
  const transport = createTransport(
    {
      destination: createSentryDestination({ url: `${receiver.url}/api/1/envelope/` }),
      recordDroppedEvent: (reason, category, quantity = 1) => drops.push([reason, category, quantity]),
      retryBaseMs: 20,
      retryMaxMs: 200,
      requestTimeoutMs: 500,
      ...overrides,
    },
    makeFetchRequest,
  );
  return { transport, drops };
}

describe('createTransport', () => {
  const receivers: Receiver[] = [];
  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const started = await startReceiver(...args);
    receivers.push(started);
    return started;
  };
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  it('posts the serialized envelope to the destination and flushes to true', async () => {
    const server = await receiver();
    const { transport } = setup(server);
    const envelope = eventEnvelope('delivered');
    await transport.send(envelope);
    expect(await transport.flush(2000)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe('/api/1/envelope/');
    expect(parseEnvelope(server.requests[0]!.body)).toEqual(JSON.parse(JSON.stringify(envelope)));
  });

  it('delivers every event exactly once through resets, timeouts, 500, 503 and 429 once the receiver recovers', async () => {
    let healthy = false;
    let n = 0;
    const failures = [
      () => 'reset' as const,
      () => 'hang' as const,
      () => ({ status: 500 }),
      () => ({ status: 503 }),
      () => ({ status: 429, headers: { 'Retry-After': '1' } }),
    ];
    const server = await receiver(() =>
      healthy || n++ % 6 === 5 ? { status: 200 } : failures[n % failures.length]!(),
    );
    const { transport, drops } = setup(server, { maxAttempts: 20 });
    const sent: string[] = [];
    for (let i = 0; i < 40; i++) {
      const envelope = eventEnvelope(`event ${i}`);
      sent.push(envelope[0].event_id as string);
      await transport.send(envelope);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    healthy = true;
    expect(await transport.flush(20_000)).toBe(true);
    const received = eventIdsOf(server);
    expect(new Set(received)).toEqual(new Set(sent));
    expect(received).toHaveLength(sent.length); // none accepted twice
    expect(drops).toEqual([]);
    expect(server.requests.some((r) => r.answer === 'reset')).toBe(true);
    expect(server.requests.some((r) => r.answer === 'hang')).toBe(true);
  }, 30_000);

  it('stops sending a rate-limited category for Retry-After seconds, dropping new items of it', async () => {
    let limited = true;
    const server = await receiver(() => {
      if (!limited) return { status: 200 };
      limited = false;
      return { status: 429, headers: { 'Retry-After': '5' } };
    });
    const { transport, drops } = setup(server);
    await transport.send(eventEnvelope('first'));
    await server.waitFor((requests) => requests.length === 1);
    const limitedAt = server.requests[0]!.at;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await transport.send(eventEnvelope('during the limit'));
    expect(await transport.flush(8000)).toBe(true);
    expect(server.requests).toHaveLength(2); // the first, retried after the limit; the second dropped
    expect(server.requests[1]!.at - limitedAt).toBeGreaterThanOrEqual(4900);
    expect(eventIdsOf(server)).toHaveLength(1);
    expect(drops).toEqual([['ratelimit_backoff', 'error', 1]]);
  }, 15_000);

  it('limits only the categories X-Sentry-Rate-Limits names', async () => {
    let first = true;
    const server = await receiver(() => {
      if (!first) return { status: 200 };
      first = false;
      return { status: 200, headers: { 'X-Sentry-Rate-Limits': '60:error:organization' } };
    });
    const { transport, drops } = setup(server);
    await transport.send(eventEnvelope('accepted, then errors are limited'));
    await transport.flush(2000);
    await transport.send(eventEnvelope('limited'));
    await transport.send(logEnvelope());
    expect(await transport.flush(2000)).toBe(true);
    expect(server.requests.map((r) => parseEnvelope(r.body)[1][0]![0].type)).toEqual(['event', 'log']);
    expect(drops).toEqual([['ratelimit_backoff', 'error', 1]]);
  });

  it('does not retry other 4xx answers and counts them as send_error', async () => {
    const server = await receiver(() => ({ status: 401 }));
    const { transport, drops } = setup(server);
    await transport.send(logEnvelope());
    expect(await transport.flush(2000)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(drops).toEqual([['send_error', 'log_item', 2]]);
  });

  it('gives up on a 500 after maxAttempts, without a hot loop', async () => {
    const server = await receiver(() => ({ status: 500 }));
    const { transport, drops } = setup(server, { maxAttempts: 3 });
    await transport.send(eventEnvelope());
    expect(await transport.flush(5000)).toBe(true);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2]!.at - server.requests[0]!.at).toBeGreaterThan(0);
    expect(drops).toEqual([['send_error', 'error', 1]]);
  });

  it('persists an envelope before the first attempt and removes it after delivery', async () => {
    const store = createMemoryStore();
    const counts: number[] = [];
    const transport = createTransport(
      {
        destination: createSentryDestination({ url: 'http://127.0.0.1:1/unused' }),
        recordDroppedEvent: () => undefined,
        store,
      },
      async () => {
        counts.push((await store.size()).count);
        return { statusCode: 200 };
      },
    );
    await transport.send(eventEnvelope());
    await transport.flush(1000);
    expect(counts).toEqual([1]);
    expect((await store.size()).count).toBe(0);
  });

  it('replays what a previous run left in the store, oldest first, without any send', async () => {
    const server = await receiver();
    const store: EnvelopeStore = createMemoryStore();
    for (const message of ['left 1', 'left 2', 'left 3']) {
      const body = JSON.stringify({});
      await store.push(storedEnvelope({ body: `${body}\n{"type":"event"}\n${JSON.stringify({ message })}` }));
    }
    const { transport } = setup(server, { store, concurrency: 1 });
    expect(await transport.flush(3000)).toBe(true);
    expect(server.requests.map((r) => (parseEnvelope(r.body)[1][0]![1] as Event).message)).toEqual([
      'left 1',
      'left 2',
      'left 3',
    ]);
  });

  it('keeps the newest envelopes when the queue overflows while the receiver is down, and counts the rest', async () => {
    const down = await receiver();
    const port = down.port;
    await down.close();
    receivers.splice(receivers.indexOf(down), 1);
    const { transport, drops } = setup({ url: `http://127.0.0.1:${port}` } as Receiver, { queue: { maxEntries: 10 } });
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const envelope = eventEnvelope(`queued ${i}`);
      ids.push(envelope[0].event_id as string);
      await transport.send(envelope);
    }
    expect(await transport.flush(300)).toBe(false); // connection refused: nothing can go yet
    const up = await receiver(undefined, port);
    expect(await transport.flush(10_000)).toBe(true);
    expect(eventIdsOf(up).sort()).toEqual(ids.slice(-10).sort());
    expect(drops.filter(([reason]) => reason === 'queue_overflow').reduce((sum, [, , n]) => sum + n, 0)).toBe(15);
  }, 15_000);

  it('never retries an envelope that holds only a client report', async () => {
    const server = await receiver(() => ({ status: 503 }));
    const { transport, drops } = setup(server);
    await transport.send([{}, [[{ type: 'client_report' }, { discarded_events: [] }]]]);
    expect(await transport.flush(2000)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(drops).toEqual([]);
  });

  it('never rejects, even when the request function throws synchronously', async () => {
    const transport = createTransport(
      { destination: createSentryDestination({ url: 'x' }), recordDroppedEvent: () => undefined, maxAttempts: 1 },
      () => {
        throw new Error('platform bug');
      },
    );
    await expect(transport.send(eventEnvelope())).resolves.toBeDefined();
    expect(await transport.flush(100)).toBe(false);
  });
});

describe('createTransport handOff', () => {
  it('offers queued envelopes that are not in flight, and forgets those accepted', async () => {
    const transport = createTransport(
      {
        destination: createSentryDestination({ url: 'http://127.0.0.1:9/api/1/envelope/' }),
        recordDroppedEvent: () => undefined,
        retryBaseMs: 60_000,
      },
      () => Promise.reject(new Error('offline')),
    );
    await transport.send(eventEnvelope('queued'));
    await new Promise((resolve) => setTimeout(resolve, 20)); // the first attempt fails; backoff holds it
    const offered: string[] = [];
    await transport.handOff!((request) => {
      offered.push(String(request.body));
      return true;
    });
    expect(offered).toHaveLength(1);
    expect(offered[0]).toContain('queued');
    const again: string[] = [];
    await transport.handOff!((request) => (again.push(String(request.body)), true));
    expect(again).toEqual([]);
    expect(await transport.flush(50)).toBe(true);
  });
});

describe('createTransport with a store shared by tabs', () => {
  it('sends only entries it can claim, and looks again at the others later', async () => {
    const receiver = await startReceiver();
    try {
      const store = createMemoryStore();
      let othersHold = true;
      const shared: EnvelopeStore = {
        ...store,
        claim: async (_id, deliver) => (othersHold ? false : (await deliver(), true)),
      };
      const { transport } = setup(receiver, { store: shared });
      await transport.send(eventEnvelope('held by another tab'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(receiver.requests).toHaveLength(0);
      expect((await store.size()).count).toBe(1);
      othersHold = false;
      expect(await transport.flush(1000)).toBe(true);
      expect(receiver.requests).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('a hand-off takes an entry whose attempt still waits for its claim, and that attempt then sends nothing', async () => {
    const receiver = await startReceiver();
    try {
      const store = createMemoryStore();
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const slowClaims: EnvelopeStore = {
        ...store,
        claim: async (_id, deliver) => {
          await gate; // as a Web Lock or IndexedDB read that a hidden page never gets back
          await deliver();
          return true;
        },
      };
      const { transport } = setup(receiver, { store: slowClaims });
      await transport.send(eventEnvelope('leaving'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const beacons: string[] = [];
      await transport.handOff!((request) => (beacons.push(String(request.body)), true));
      expect(beacons).toHaveLength(1);
      open();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(receiver.requests).toHaveLength(0);
      expect((await store.size()).count).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('counts again the drops of a client report that is evicted with its envelope', async () => {
    const unavailable = await startReceiver(() => ({ status: 503 }));
    const { transport, drops } = setup(unavailable, { queue: { maxEntries: 1 } });
    const withReport = eventEnvelope('carries a report');
    withReport[1].push([
      { type: 'client_report' },
      { timestamp: 0, discarded_events: [{ reason: 'sample_rate', category: 'error', quantity: 7 }] },
    ]);
    await transport.send(withReport);
    await transport.send(eventEnvelope('evicts it'));
    expect(drops).toEqual([
      ['queue_overflow', 'error', 1],
      ['sample_rate', 'error', 7],
    ]);
    await unavailable.close();
  });
});

describe('createTransport memory', () => {
  it('stays bounded by the queue when the destination is unreachable (20,000 envelopes)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const transport = createTransport(
      {
        destination: createSentryDestination({ url: 'http://127.0.0.1:9/api/1/envelope/' }),
        recordDroppedEvent: () => undefined,
        queue: { maxEntries: 100 },
      },
      () => Promise.reject(new Error('connection refused')),
    );
    const payload = 'x'.repeat(2000);
    const before = heap();
    for (let i = 0; i < 20_000; i++) await transport.send(eventEnvelope(`${payload} ${i}`));
    const grown = heap() - before;
    // Kept: 100 queued envelopes, and the same 100 remembered for the page-hide hand-off, ~2 KB each;
    // a leak of every envelope would be 40 MB and more.
    expect(grown).toBeLessThan(4 * 1024 * 1024);
  });
});
