// Issue 24, item 2: time is an input. Every test here steps an injected clock and answers with a scripted
// request function (no network), so that the wall clock can jump a day either way between two answers.
import { createEventEnvelope, createSentryDestination, createTransport, parseEnvelope, uuid4 } from '@faultline/core';
import type { DataCategory, DeliveryOptions, DropReason, TransportMakeRequestResponse } from '@faultline/core';
import { createMemoryJournal, createSteppedClock, journalRecord, type SteppedClock } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const DAY = 24 * 60 * 60 * 1000;
const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };
const eventEnvelope = (message: string) =>
  createEventEnvelope({ event_id: uuid4(), timestamp: Date.now() / 1000, message, level: 'error' }, { sdk });

type Answer = TransportMakeRequestResponse | 'unreachable';

/** A transport on a stepped clock whose requests are answered by `answer` (the n-th request gets answer(n)). */
function setup(
  answer: (index: number) => Answer,
  overrides: Partial<DeliveryOptions> = {},
  clock: SteppedClock = createSteppedClock(),
) {
  const requests: { at: number; sentAt: string; message: string; answer: Answer }[] = [];
  const drops: [DropReason, DataCategory, number][] = [];
  const transport = createTransport(
    {
      destination: createSentryDestination({ url: 'http://receiver.test/api/1/envelope/' }),
      recordDroppedEvent: (reason, category, quantity = 1) => drops.push([reason, category, quantity]),
      clock,
      ...overrides,
    },
    ({ body }) => {
      const [headers, items] = parseEnvelope(body as string);
      const result = answer(requests.length);
      const message = String((items[0]?.[1] as { message?: string } | undefined)?.message);
      requests.push({ at: clock.now(), sentAt: String(headers.sent_at), message, answer: result });
      return result === 'unreachable' ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve(result);
    },
  );
  const delivered = () => requests.filter((r) => r.answer !== 'unreachable' && r.answer.statusCode === 200);
  return { clock, transport, requests, drops, delivered };
}

/** Flushes on the stepped clock: the flush's own timeout runs on real time, so time is advanced meanwhile. */
async function flushed(clock: SteppedClock, transport: ReturnType<typeof setup>['transport']): Promise<boolean> {
  const result = transport.flush(5000);
  await clock.advance(0);
  return result;
}

describe('createTransport on a stepped clock (scripted requests)', () => {
  it('probes a failing destination on time after the wall clock steps back a day', async () => {
    const { clock, transport, requests, delivered } = setup((n) => (n === 0 ? 'unreachable' : { statusCode: 200 }));
    await transport.send(eventEnvelope('during an outage'));
    await clock.advance(0);
    expect(requests).toHaveLength(1);
    clock.stepWall(-DAY);
    // The first probe comes after half to one base step (1 s), on the monotonic clock.
    await clock.advance(1000);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(500);
    expect(delivered()).toHaveLength(1);
    expect(await flushed(clock, transport)).toBe(true);
  });

  it('retries after its backoff whichever way the wall clock steps meanwhile', async () => {
    for (const step of [-DAY, DAY]) {
      const { clock, transport, requests, drops } = setup((n) => (n === 0 ? { statusCode: 500 } : { statusCode: 200 }));
      await transport.send(eventEnvelope('a 500 first'));
      await clock.advance(0);
      clock.stepWall(step);
      await clock.advance(499);
      expect(requests).toHaveLength(1); // a forward step does not hurry it
      await clock.advance(501);
      expect(requests).toHaveLength(2); // a backward step does not hold it
      expect(drops).toEqual([]);
    }
  });

  it('waits out a 429 for Retry-After seconds of monotonic time, dropping the category meanwhile', async () => {
    const { clock, transport, requests, drops, delivered } = setup((n) =>
      n === 0 ? { statusCode: 429, headers: { 'retry-after': '60' } } : { statusCode: 200 },
    );
    await transport.send(eventEnvelope('limited'));
    await clock.advance(0);
    clock.stepWall(-DAY);
    await clock.advance(30_000);
    clock.stepWall(2 * DAY);
    await transport.send(eventEnvelope('sent during the limit'));
    await clock.advance(29_000);
    expect(requests).toHaveLength(1);
    expect(drops).toEqual([['ratelimit_backoff', 'error', 1]]);
    await clock.advance(2000);
    expect(requests.map((r) => r.message)).toEqual(['limited', 'limited']);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(60_000);
    expect(delivered()).toHaveLength(1);
  });

  it('reads an HTTP-date Retry-After against the wall clock, then waits on the monotonic one', async () => {
    let wallAtAnswer = 0;
    const { clock, transport, requests } = setup((n) =>
      n === 0
        ? { statusCode: 503, headers: { 'retry-after': new Date(wallAtAnswer + 30_000).toUTCString() } }
        : { statusCode: 200 },
    );
    wallAtAnswer = clock.wall();
    await transport.send(eventEnvelope('paused by date'));
    await clock.advance(0);
    clock.stepWall(-DAY);
    await clock.advance(28_000);
    expect(requests).toHaveLength(1);
    await clock.advance(3000);
    expect(requests).toHaveLength(2);
  });

  it('never expires an envelope it captured when the wall clock jumps past the TTL, only after the TTL itself', async () => {
    const ttlMs = 60_000;
    const { clock, transport, requests, drops } = setup(() => 'unreachable', { queue: { ttlMs }, probeMaxMs: 5000 });
    await transport.send(eventEnvelope('kept'));
    await clock.advance(0);
    clock.stepWall(8 * DAY);
    await clock.advance(ttlMs - 1000);
    expect(drops).toEqual([]);
    expect(requests.length).toBeGreaterThan(5); // still probing with it
    await clock.advance(7000);
    expect(drops).toEqual([['network_error', 'error', 1]]);
  });

  it('stamps sent_at with the wall clock at each attempt', async () => {
    const { clock, transport, requests } = setup((n) => (n === 0 ? 'unreachable' : { statusCode: 200 }));
    const started = clock.wall();
    await transport.send(eventEnvelope('stamped'));
    await clock.advance(0);
    clock.stepWall(-DAY);
    await clock.advance(1000);
    // The retry went out at monotonic time `at`: the wall clock then read start + elapsed - 1 day.
    const retriedAfter = requests[1]!.at - requests[0]!.at;
    expect(requests.map((r) => Date.parse(r.sentAt))).toEqual([started, Math.floor(started + retriedAfter - DAY)]);
  });
});

describe('createTransport replaying a journal on a stepped clock (scripted requests)', () => {
  it("ages a replayed record by the wall clock's reading at replay: old ones expire, future ones are young", async () => {
    const clock = createSteppedClock({ now: 5000 });
    const storage = { owners: new Map(), alive: new Set<string>(), operations: [] as string[] };
    const dead = createMemoryJournal(storage);
    const record = (id: string, createdAt: number, message: string) => ({
      ...journalRecord({ id }),
      createdAt,
      body: `{"sent_at":"${new Date(createdAt).toISOString()}"}\n{"type":"event"}\n{"message":"${message}"}\n`,
      quantities: { error: 1 },
    });
    await dead.append(record('a', clock.wall() - 8 * DAY, 'eight days old'));
    await dead.append(record('b', clock.wall() + DAY, 'written a day ahead'));
    dead.crash();
    const journal = createMemoryJournal(storage);
    const { transport, requests, drops } = setup(() => ({ statusCode: 200 }), { journal }, clock);
    expect(await flushed(clock, transport)).toBe(true);
    expect(requests.map((r) => r.message)).toEqual(['written a day ahead']);
    expect(drops).toEqual([['network_error', 'error', 1]]);
  });
});
