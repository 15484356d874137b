import {
  createEventEnvelope,
  createSentryDestination,
  createTransport,
  parseEnvelope,
  serializeEnvelope,
  uuid4,
} from '@faultline/core';
import type {
  DataCategory,
  DeliveryOptions,
  DropReason,
  Envelope,
  EnvelopeHeaders,
  Event,
  JournalRecord,
  MakeRequest,
} from '@faultline/core';
import {
  createMemoryJournal,
  createSteppedClock,
  makeFetchRequest,
  startReceiver,
  type Behavior,
  type Receiver,
} from '@faultline/test-utils';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };
const eventEnvelope = (message = 'boom'): Envelope =>
  createEventEnvelope({ event_id: uuid4(), timestamp: Date.now() / 1000, message, level: 'error' }, { sdk });
const logEnvelope = (): Envelope => [
  { sent_at: new Date().toISOString() },
  [[{ type: 'log', item_count: 2, content_type: 'application/vnd.sentry.items.log+json' }, { items: [{}, {}] }]],
];
const eventIdsOf = (receiver: Receiver) =>
  receiver.accepted().flatMap((r) => parseEnvelope(r.body)[1].map(([, p]) => (p as Event).event_id));

const receivers: Receiver[] = [];
const receiver = async (...args: Parameters<typeof startReceiver>) => {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
};
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

function setup(receiver: Receiver, overrides: Partial<DeliveryOptions> = {}, makeRequest = makeFetchRequest) {
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
    makeRequest,
  );
  return { transport, drops };
}

describe('createTransport', () => {
  it('posts the serialized envelope to the destination and flushes to true', async () => {
    const server = await receiver();
    const { transport } = setup(server);
    const envelope = eventEnvelope('delivered');
    await transport.send(envelope);
    expect(await transport.flush(2000)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe('/api/1/envelope/');
    const [headers, items] = parseEnvelope(server.requests[0]!.body);
    expect(items).toEqual(JSON.parse(JSON.stringify(envelope[1])));
    expect({ ...headers, sent_at: undefined }).toEqual({
      ...JSON.parse(JSON.stringify(envelope[0])),
      sent_at: undefined,
    });
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
    // Each attempt is numbered, and whether the client read its answer is recorded: a request the client
    // gave up on (its 500 ms timeout, which a loaded machine can pass) may still be accepted by the server.
    const [answered, abandoned] = [new Set<string>(), new Set<string>()];
    let attempts = 0;
    const numbered: MakeRequest = async (request) => {
      const attempt = String(attempts++);
      try {
        const response = await makeFetchRequest({ ...request, headers: { ...request.headers, 'x-attempt': attempt } });
        answered.add(attempt);
        return response;
      } catch (error) {
        if (request.signal?.aborted) abandoned.add(attempt);
        throw error;
      }
    };
    const { transport, drops } = setup(server, { maxAttempts: 20 }, numbered);
    const sent: string[] = [];
    for (let i = 0; i < 40; i++) {
      const envelope = eventEnvelope(`event ${i}`);
      sent.push(envelope[0].event_id as string);
      await transport.send(envelope);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    healthy = true;
    expect(await transport.flush(20_000)).toBe(true);
    const accepted = server.accepted().map((r) => ({
      id: (parseEnvelope(r.body)[1][0]![1] as Event).event_id,
      attempt: String(r.headers['x-attempt']),
    }));
    const read = accepted.filter((a) => answered.has(a.attempt)).map((a) => a.id);
    // Each event was accepted exactly once with an answer the client read: never sent again after its 200.
    expect(read).toHaveLength(sent.length);
    expect(new Set(read)).toEqual(new Set(sent));
    // Any other acceptance is of an attempt the client had timed out and abandoned, so had to send again.
    expect(accepted.filter((a) => !answered.has(a.attempt)).filter((a) => !abandoned.has(a.attempt))).toEqual([]);
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

  it('says once per status, without debug, that the destination rejected envelopes, with its reason', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const reason = '{"detail":"event submission rejected with_reason: ProjectId"}';
      const server = await receiver(() => ({ status: 403, body: reason }));
      const { transport, drops } = setup(server);
      for (let i = 0; i < 3; i++) await transport.send(eventEnvelope(`rejected ${i}`));
      expect(await transport.flush(2000)).toBe(true);
      expect(server.requests).toHaveLength(3);
      expect(drops).toEqual(Array.from({ length: 3 }, () => ['send_error', 'error', 1]));
      const lines = warn.mock.calls.map((call) => call.join(' '));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`sentry rejected an envelope: HTTP 403 ${JSON.stringify(reason)}`);
    } finally {
      warn.mockRestore();
    }
  });

  it('gives up on a 500 after maxAttempts, without a hot loop', async () => {
    const server = await receiver(() => ({ status: 500 }));
    const { transport, drops } = setup(server, { maxAttempts: 3 });
    await transport.send(eventEnvelope());
    expect(await transport.flush(5000)).toBe(true);
    expect(server.requests).toHaveLength(3);
    // Equal jitter: each retry waits at least half its step (base 20 ms, then 40 ms).
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(9);
    expect(server.requests[2]!.at - server.requests[1]!.at).toBeGreaterThanOrEqual(19);
    expect(drops).toEqual([['send_error', 'error', 1]]);
  });

  it('counts a 429 that names only other categories as a failed step, never a hot loop', async () => {
    const server = await receiver(() => ({ status: 429, headers: { 'X-Sentry-Rate-Limits': '60:transaction' } }));
    const { transport } = setup(server, { retryBaseMs: 200, retryMaxMs: 400, maxAttempts: 100 });
    await transport.send(eventEnvelope());
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Steps of at least 100, 200, 200… ms: at most 6 requests in a second (the old transport made ~1,100).
    expect(server.requests.length).toBeLessThanOrEqual(6);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('reads a rate limit of 0 s as no wait, yet still leaves a backoff step between attempts', async () => {
    let n = 0;
    const server = await receiver(() =>
      n++ < 3 ? { status: 429, headers: { 'X-Sentry-Rate-Limits': '0:error' } } : { status: 200 },
    );
    const { transport } = setup(server, { retryBaseMs: 100, retryMaxMs: 100 });
    await transport.send(eventEnvelope());
    expect(await transport.flush(3000)).toBe(true); // a 0 read as 60 s would not be delivered in time
    const gaps = server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);
    expect(gaps.every((gap) => gap >= 45)).toBe(true);
  });

  it('honours Retry-After on a 503', async () => {
    let n = 0;
    const server = await receiver(() =>
      n++ === 0 ? { status: 503, headers: { 'Retry-After': '1' } } : { status: 200 },
    );
    const { transport } = setup(server);
    await transport.send(eventEnvelope());
    expect(await transport.flush(3000)).toBe(true);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('sends one probe at a time while the destination fails, then all at once when it recovers', async () => {
    let failing = true;
    let inFlight = 0;
    let most = 0;
    let mostWhileFailing = 0;
    const server = await receiver(() => (failing ? { status: 503 } : { status: 200 }));
    const counting: MakeRequest = async (request) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await makeFetchRequest(request);
      } finally {
        inFlight--;
      }
    };
    const drops: DropReason[] = [];
    const transport = createTransport(
      {
        destination: createSentryDestination({ url: `${server.url}/api/1/envelope/` }),
        recordDroppedEvent: (reason) => drops.push(reason),
        retryBaseMs: 50,
        probeMaxMs: 100,
      },
      counting,
    );
    for (let i = 0; i < 20; i++) await transport.send(eventEnvelope(`e${i}`));
    await server.waitFor((requests) => requests.length >= 20); // the first wave, sent while it looked healthy
    most = inFlight;
    await new Promise((resolve) => setTimeout(resolve, 600));
    mostWhileFailing = most;
    const probes = server.requests.length - 20;
    failing = false;
    expect(await transport.flush(3000)).toBe(true);
    expect(mostWhileFailing).toBe(1);
    // One outage is one step: probes came every 25–100 ms, not after backoffs grown by 20 failures.
    expect(probes).toBeGreaterThanOrEqual(3);
    expect(eventIdsOf(server)).toHaveLength(20);
    expect(drops).toEqual([]);
  });

  it('stamps sent_at at each attempt, keeping the event and its timestamp from capture', async () => {
    const server = await receiver();
    const hourAgo = Date.now() - 3_600_000;
    const captured = createEventEnvelope(
      { event_id: uuid4(), timestamp: hourAgo / 1000, message: 'from an hour ago', level: 'error' },
      { sdk },
    );
    captured[0].sent_at = new Date(hourAgo).toISOString();
    const journal = createMemoryJournal();
    journal.storage.owners.set(
      'dead',
      new Map([
        ['old', { id: 'old', createdAt: hourAgo, body: serializeEnvelope(captured), quantities: { error: 1 } }],
      ]),
    );
    const { transport } = setup(server, { journal });
    expect(await transport.flush(2000)).toBe(true);
    const [headers, [[, event]]] = parseEnvelope(server.requests[0]!.body) as [EnvelopeHeaders, [[unknown, Event]]];
    expect(Math.abs(Date.parse(String(headers.sent_at)) - Date.now())).toBeLessThan(5000);
    expect(event.timestamp).toBe(hourAgo / 1000);
    expect(event.event_id).toBe(captured[0].event_id);
  });
});

describe('createTransport with a journal', () => {
  it('journals an envelope before its first attempt and acknowledges it once delivered', async () => {
    const journal = createMemoryJournal();
    const transport = createTransport(
      {
        destination: createSentryDestination({ url: 'http://127.0.0.1:1/unused' }),
        recordDroppedEvent: () => undefined,
        journal,
      },
      () => {
        journal.storage.operations.push('request');
        return Promise.resolve({ statusCode: 200 });
      },
    );
    await transport.send(eventEnvelope());
    expect(await transport.flush(1000)).toBe(true);
    expect(journal.storage.operations.map((op) => op.split(' ')[0])).toEqual([
      'open',
      'append',
      'request',
      'acknowledge',
    ]);
  });

  it('replays what a crashed owner left, oldest first, exactly once', async () => {
    const server = await receiver();
    const storage = createMemoryJournal().storage;
    const crashed = createMemoryJournal(storage);
    const down = createTransport(
      {
        destination: createSentryDestination({ url: 'http://127.0.0.1:9/x' }),
        recordDroppedEvent: () => undefined,
        journal: crashed,
        retryBaseMs: 60_000,
      },
      () => Promise.reject(new Error('offline')),
    );
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) {
      const envelope = eventEnvelope(`left ${i}`);
      sent.push(envelope[0].event_id as string);
      await down.send(envelope);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    crashed.crash();
    const { transport, drops } = setup(server, { journal: createMemoryJournal(storage), concurrency: 1 });
    expect(await transport.flush(3000)).toBe(true);
    expect(eventIdsOf(server)).toEqual(sent);
    expect(drops).toEqual([]);
  });

  it('reads back from the journal the bodies it let go of over its memory budget', async () => {
    const server = await receiver(() => ({ status: 503 }));
    const journal = createMemoryJournal();
    const { transport, drops } = setup(server, {
      journal,
      queue: { maxMemoryBytes: 8000 },
      probeMaxMs: 50,
      concurrency: 1,
    });
    const sent: string[] = [];
    for (let i = 0; i < 30; i++) {
      const envelope = eventEnvelope(`${'x'.repeat(500)} ${i}`);
      sent.push(envelope[0].event_id as string);
      await transport.send(envelope);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.setBehavior(() => ({ status: 200 }));
    expect(await transport.flush(5000)).toBe(true);

    expect(eventIdsOf(server).sort()).toEqual(sent.sort());
    expect(drops).toEqual([]);
  });

  it('counts a journaled envelope whose body can no longer be read as internal_sdk_error', async () => {
    const journal = createMemoryJournal();
    journal.storage.owners.set(
      'dead',
      new Map([['gone', { id: 'gone', createdAt: Date.now(), body: 'x'.repeat(5000), quantities: { error: 1 } }]]),
    );
    const read = journal.read;
    journal.read = () => Promise.resolve(undefined);
    const { transport, drops } = setup({ url: 'http://127.0.0.1:9' } as Receiver, {
      journal,
      queue: { maxMemoryBytes: 10 },
    });
    expect(await transport.flush(1000)).toBe(true);
    expect(drops).toEqual([['internal_sdk_error', 'error', 1]]);
    journal.read = read;
  });

  it('counts records the journal could not read', async () => {
    const journal = createMemoryJournal();
    journal.open = (sink) => (sink.unreadable({ error: 2 }), Promise.resolve());
    const { transport, drops } = setup({ url: 'http://127.0.0.1:9' } as Receiver, { journal });
    expect(await transport.flush(100)).toBe(true);
    expect(drops).toEqual([['internal_sdk_error', 'error', 2]]);
  });

  it('does not report a flush as drained before the journal has replayed', async () => {
    let finish!: () => void;
    const journal = createMemoryJournal();
    journal.open = () => new Promise<void>((resolve) => (finish = resolve));
    const { transport } = setup({ url: 'http://127.0.0.1:9' } as Receiver, { journal });
    expect(await transport.flush(100)).toBe(false);
    finish();
    expect(await transport.flush(100)).toBe(true);
  });

  it('closes: flushes, then releases the journal and sends nothing more', async () => {
    const server = await receiver();
    const journal = createMemoryJournal();
    const { transport, drops } = setup(server, { journal });
    await transport.send(eventEnvelope());
    expect(await transport.close!(1000)).toBe(true);
    expect(journal.storage.alive.size).toBe(0);
    await transport.send(eventEnvelope('after close'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(1);
    expect(drops).toEqual([]);
  });
});

describe('createTransport bound', () => {
  const down = (overrides: Partial<DeliveryOptions> = {}) =>
    setup({ url: 'http://127.0.0.1:9' } as Receiver, { retryBaseMs: 60_000, probeMaxMs: 60_000, ...overrides });
  const lost = (drops: [DropReason, DataCategory, number][], reason: DropReason, category: DataCategory) =>
    drops.filter(([r, c]) => r === reason && c === category).reduce((sum, [, , n]) => sum + n, 0);

  it('keeps the first envelopes of a burst and refuses the newcomers, each counted once', async () => {
    const journal = createMemoryJournal();
    const { transport, drops } = down({ queue: { maxEntries: 10 }, journal });
    for (let i = 0; i < 25; i++) await transport.send(eventEnvelope(`burst ${i}`));
    expect(drops).toEqual(Array.from({ length: 15 }, () => ['queue_overflow', 'error', 1]));
    await new Promise((resolve) => setTimeout(resolve, 20)); // the first attempts fail; the outage holds the rest
    const kept = [...journal.storage.owners.values()].flatMap((records) =>
      [...records.values()].map((record) => /burst \d+/.exec(String(record.body))![0]),
    );
    expect(kept).toEqual(Array.from({ length: 10 }, (_, i) => `burst ${i}`));
  });

  it('never evicts an entry being sent, and lets logs give way before an error is refused', async () => {
    const { transport, drops } = down({ queue: { maxEntries: 3 }, concurrency: 1 });
    await transport.send(logEnvelope()); // on the wire (then waiting out the outage)
    await transport.send(logEnvelope());
    await transport.send(eventEnvelope('first error'));
    await transport.send(eventEnvelope('second error')); // the queued log gives way
    expect(lost(drops, 'queue_overflow', 'log_item')).toBe(2);
    await transport.send(logEnvelope()); // a log never pushes out an error: refused
    expect(lost(drops, 'queue_overflow', 'log_item')).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 50)); // its attempt fails (connection refused)
    await transport.send(eventEnvelope('third error')); // the waiting log goes: it is no longer on the wire
    expect(lost(drops, 'queue_overflow', 'log_item')).toBe(6);
    await transport.send(eventEnvelope('fourth error')); // only errors left: refused
    expect(lost(drops, 'queue_overflow', 'error')).toBe(1);
  });

  it('carries the counts of a report riding in a refused envelope into the next report, once', async () => {
    const { transport, drops } = down({ queue: { maxEntries: 1 } });
    await transport.send(eventEnvelope('fills the queue'));
    const withReport = eventEnvelope('carries a report');
    withReport[1].push([
      { type: 'client_report' },
      { timestamp: 0, discarded_events: [{ reason: 'sample_rate', category: 'error', quantity: 7 }] },
    ]);
    await transport.send(withReport);
    expect(drops).toEqual([
      ['queue_overflow', 'error', 1],
      ['sample_rate', 'error', 7],
    ]);
  });
});

describe('createTransport handOff', () => {
  const handedOff = async (transport: ReturnType<typeof setup>['transport']): Promise<string[]> => {
    const offered: string[] = [];
    await transport.handOff!(
      (request) => (offered.push(/queued \d|error \d|first|second|"type":"log"/.exec(String(request.body))![0]), true),
    );
    return offered;
  };

  it('hands off what waits while the destination could not have failed yet, and acknowledges it', async () => {
    const server = await receiver(() => 'hang');
    const journal = createMemoryJournal();
    const { transport } = setup(server, { journal, concurrency: 1, requestTimeoutMs: 10_000 });
    await transport.send(eventEnvelope('queued 1')); // on the wire, unanswered
    await transport.send(eventEnvelope('queued 2'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await handedOff(transport)).toEqual(['queued 2']);
    expect(journal.storage.operations.filter((op) => op.startsWith('acknowledge'))).toHaveLength(1);
    expect(await handedOff(transport)).toEqual([]); // once only
  });

  it('keeps everything journaled while the destination fails, and sends it once it answers again', async () => {
    let failing: Behavior = { status: 503 };
    const server = await receiver(() => failing);
    const journal = createMemoryJournal();
    const { transport, drops } = setup(server, { journal, retryBaseMs: 60_000, probeMaxMs: 60_000 });
    for (let i = 0; i < 3; i++) await transport.send(eventEnvelope(`queued ${i}`));
    await server.waitFor((requests) => requests.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await handedOff(transport)).toEqual([]);
    expect(journal.storage.operations.filter((op) => op.startsWith('acknowledge'))).toEqual([]);

    failing = { status: 200 };
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await transport.flush(2000)).toBe(true); // the page is shown again, the receiver is back: all of it goes
    expect(
      server
        .accepted()
        .map((r) => /queued \d/.exec(r.body)![0])
        .sort(),
    ).toEqual(['queued 0', 'queued 1', 'queued 2']);
    expect(drops).toEqual([]);
  });

  it('keeps what a connection refused left, even after a flush lifted the pause', async () => {
    const { transport } = setup({ url: 'http://127.0.0.1:9' } as Receiver, { retryBaseMs: 60_000, probeMaxMs: 60_000 });
    await transport.send(eventEnvelope('queued 1'));
    await transport.send(eventEnvelope('queued 2'));
    await new Promise((resolve) => setTimeout(resolve, 50)); // refused: the destination fails
    expect(await handedOff(transport)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    void transport.flush(0); // what a page shown again does: one probe goes, the other waits for it
    expect(await handedOff(transport)).toEqual([]);
  });

  it('lifts no pause for the flush that comes with a hand-off (nothing starts as the page goes), and does after', async () => {
    const server = await receiver(() => ({ status: 503 }));
    const { transport } = setup(server, { retryBaseMs: 60_000, probeMaxMs: 60_000 });
    await transport.send(eventEnvelope('queued 1'));
    await server.waitFor((requests) => requests.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20)); // failing, paused for a backoff step
    await transport.handOff!(() => true);
    void transport.flush(0); // the client flushes its logs into the queue as the page goes
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.requests).toHaveLength(1);
    void transport.flush(0); // the page is shown again: one probe now
    await server.waitFor((requests) => requests.length === 2);
  });

  it('keeps an entry of a rate-limited category and hands off the others', async () => {
    const server = await receiver((_, index) =>
      index === 0 ? { status: 200, headers: { 'X-Sentry-Rate-Limits': '60:error' } } : 'hang',
    );
    const { transport } = setup(server, { concurrency: 1, requestTimeoutMs: 10_000 });
    const first = transport.send(logEnvelope()); // answered with a limit on errors
    await transport.send(eventEnvelope('error 1')); // queued before the limit: held by it
    await transport.send(logEnvelope()); // then on the wire, unanswered
    await transport.send(logEnvelope()); // waiting behind it
    await first;
    await server.waitFor((requests) => requests.length === 2);
    expect(await handedOff(transport)).toEqual(['"type":"log"']);
  });

  it('keeps an entry waiting out a backoff of its own, though another succeeded since and the failure is 30 s old (stepped clock)', async () => {
    const server = await receiver((request) =>
      request.body.includes('error 1') ? { status: 500 } : request.body.includes('queued') ? 'hang' : { status: 200 },
    );
    const clock = createSteppedClock();
    // The outage's pause is short (error 2 is its probe); error 1's own backoff is long (60 to 120 s).
    const { transport } = setup(server, {
      clock,
      concurrency: 1,
      retryBaseMs: 120_000,
      retryMaxMs: 120_000,
      probeMaxMs: 20,
      requestTimeoutMs: 600_000,
    });
    await transport.send(eventEnvelope('error 1'));
    await server.waitFor((requests) => requests.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20)); // its 500 is answered: the destination fails
    await transport.send(eventEnvelope('error 2'));
    await clock.advance(20); // the probe: error 2, accepted
    await server.waitFor(() => server.accepted().length === 1);
    await transport.send(eventEnvelope('queued 1')); // on the wire, unanswered
    await transport.send(eventEnvelope('queued 2')); // waiting behind it
    await server.waitFor((requests) => requests.length === 3);
    await clock.advance(31_000); // the destination is steady again; error 1 still waits out its own backoff
    expect(await handedOff(transport)).toEqual(['queued 2']);
  });

  it('hands off again once its last failure is 30 s old: a destination that answered a 500 once and has answered since (stepped clock)', async () => {
    let answer: Behavior = { status: 500 };
    const server = await receiver(() => answer);
    const clock = createSteppedClock();
    const { transport } = setup(server, { clock, concurrency: 1, requestTimeoutMs: 120_000, probeMaxMs: 1000 });
    await transport.send(eventEnvelope('first'));
    await server.waitFor((requests) => requests.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20)); // its 500 is answered: the destination fails
    answer = { status: 200 };
    await clock.advance(1000); // the probe: "first" again, accepted
    await server.waitFor((requests) => server.accepted().length === 1 && requests.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    answer = 'hang';
    await transport.send(eventEnvelope('queued 1')); // on the wire, unanswered
    await transport.send(eventEnvelope('queued 2')); // waiting behind it
    await server.waitFor((requests) => requests.length === 3);
    expect(await handedOff(transport)).toEqual([]); // healthy, but failed 1 s ago: kept
    await clock.advance(28_000); // 29 s since the failure
    expect(await handedOff(transport)).toEqual([]);
    await clock.advance(11_000); // 40 s since the failure, fine since: not kept forever
    expect(await handedOff(transport)).toEqual(['queued 2']);
  });

  it('keeps an entry the delivery declines (a browser offline), and sends it later', async () => {
    const server = await receiver(() => 'hang');
    const { transport } = setup(server, { concurrency: 1, requestTimeoutMs: 10_000 });
    await transport.send(eventEnvelope('queued 1'));
    await transport.send(eventEnvelope('queued 2'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await transport.handOff!(() => false);
    expect(await handedOff(transport)).toEqual(['queued 2']);
  });

  it('hands off a journaled envelope replayed from an earlier page while the destination is healthy', async () => {
    const server = await receiver(() => 'hang');
    const journal = createMemoryJournal();
    const record = (id: string) => ({ id, createdAt: Date.now(), body: `${id} page`, quantities: { error: 1 } });
    journal.storage.owners.set(
      'earlier page',
      new Map([
        ['first', record('first')],
        ['second', record('second')],
      ]),
    );
    const { transport } = setup(server, { journal, concurrency: 1, requestTimeoutMs: 10_000 });
    await server.waitFor((requests) => requests.length === 1); // "first" is on the wire
    expect(await handedOff(transport)).toEqual(['second']);
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
    // Kept: 100 queued envelopes of ~2 KB each; a leak of every envelope would be 40 MB and more.
    expect(grown).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('createTransport flush', () => {
  it('resolves only once the journal has written the acknowledgements (else the next process resends)', async () => {
    const journal = createMemoryJournal();
    let release!: () => void;
    const written = new Promise<void>((resolve) => (release = resolve));
    const acknowledge = journal.acknowledge;
    journal.acknowledge = (id) => written.then(() => acknowledge(id));
    const transport = createTransport(
      { destination: createSentryDestination({ url: 'http://x/' }), recordDroppedEvent: () => undefined, journal },
      () => Promise.resolve({ statusCode: 200 }),
    );
    await transport.send(eventEnvelope());
    expect(await transport.flush(100)).toBe(false);
    release();
    expect(await transport.flush(100)).toBe(true);
  });
});

describe('createTransport memory ceiling', () => {
  it('spills bodies over the memory budget to the journal at once, so a burst with no turn is admitted whole', async () => {
    const server = await receiver(() => ({ status: 503 }));
    const journal = createMemoryJournal();
    // Its asynchronous writes never get a turn: appends wait, and are written only when persisted synchronously.
    const waiting: JournalRecord[] = [];
    const write = journal.append.bind(journal);
    journal.append = (record) => new Promise<boolean>(() => void waiting.push(record));
    const spills: number[] = [];
    journal.persistSync = (options) => {
      expect(options).toEqual({ keepOpen: true });
      spills.push(waiting.length);
      waiting.splice(0).forEach((record) => void write(record));
      return true;
    };
    const { transport, drops } = setup(server, {
      journal,
      queue: { maxEntries: 1000, maxMemoryBytes: 40_000 },
      probeMaxMs: 50,
      concurrency: 4,
    });
    const sent: string[] = [];
    // No await between sends: a loop of captures, the event loop gets no turn.
    for (let i = 0; i < 200; i++) {
      const envelope = eventEnvelope(`${'x'.repeat(1000)} ${i}`);
      sent.push(envelope[0].event_id as string);
      void transport.send(envelope);
    }
    // 200 bodies of ~2.6 KB (2 bytes a character) against a 40 KB budget: most leave memory, in batches of
    // a quarter of the budget, while those in flight and the first under the budget stay.
    expect(spills.length).toBeGreaterThan(20);
    expect(drops).toEqual([]);
    server.setBehavior(() => ({ status: 200 }));
    expect(await transport.flush(10_000)).toBe(true);
    expect(eventIdsOf(server).sort()).toEqual(sent.sort());
    expect(drops).toEqual([]);
  });

  it('refuses newcomers, counted, once bodies the journal could not take yet reach twice the memory budget', async () => {
    const journal = createMemoryJournal();
    journal.append = () => new Promise<boolean>(() => undefined); // a journal that never gets a turn
    journal.persistSync = () => false; // nor can it write synchronously (say, its folder is not set up yet)
    const { transport, drops } = setup({ url: 'http://127.0.0.1:9' } as Receiver, {
      journal,
      queue: { maxMemoryBytes: 20_000 },
      retryBaseMs: 60_000,
      probeMaxMs: 60_000,
    });
    for (let i = 0; i < 50; i++) await transport.send(eventEnvelope(`${'x'.repeat(1000)} ${i}`));
    const refused = drops.filter(([reason]) => reason === 'queue_overflow').length;
    // ~1.3 K characters each, 2 bytes a character: about 15 fit under the 40,000-byte ceiling.
    expect(refused).toBeGreaterThan(30);
    expect(refused).toBeLessThan(40);
  });
});

describe('createTransport close and odd waits', () => {
  it('abandons requests still on the wire when it closes, so a receiver that never answers holds nothing', async () => {
    const server = await receiver(() => 'hang');
    const { transport, drops } = setup(server, { requestTimeoutMs: 60_000 });
    await transport.send(eventEnvelope());
    await server.waitFor((requests) => requests.length === 1);
    const started = Date.now();
    expect(await transport.close!(200)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drops).toEqual([]); // kept for the next process, not counted as lost
  });

  it('waits out a Retry-After longer than a timer can hold without looping', async () => {
    const server = await receiver(() => ({ status: 503, headers: { 'Retry-After': '99999999999' } }));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const { transport } = setup(server);
    await transport.send(eventEnvelope());
    await server.waitFor((requests) => requests.length === 1);
    const cpu = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const used = process.cpuUsage(cpu);
    process.off('warning', onWarning);
    expect(server.requests).toHaveLength(1);
    // Uncapped, Node fires such a timer after 1 ms, warns, and the wait re-arms ~1,000 times a second.
    expect(warnings).toEqual([]);
    expect((used.user + used.system) / 1000).toBeLessThan(150);
    expect(await transport.close!(0)).toBe(false);
  });
});
