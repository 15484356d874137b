import {
  createEventEnvelope,
  createSentryDestination,
  createTransport,
  uuid4,
  type DataCategory,
  type DropReason,
  type EnvelopeJournal,
  type JournalRecord,
  type MakeRequest,
} from '@faultline/core';
import { createMemoryJournal, journalLeftBehind } from '@faultline/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };

/** Counts the replayed records the transport holds at once: queued by the sink, not yet acknowledged. */
function watchHeld(journal: EnvelopeJournal) {
  const held = { now: 0, most: 0, offered: 0 };
  const open = journal.open.bind(journal);
  journal.open = (sink) =>
    open({
      ...sink,
      replay(records) {
        const verdicts = sink.replay(records);
        held.offered += records.length;
        held.now += verdicts.filter((verdict) => verdict === 'queued').length;
        held.most = Math.max(held.most, held.now);
        return verdicts;
      },
    });
  const acknowledge = journal.acknowledge.bind(journal);
  journal.acknowledge = (id) => {
    held.now--;
    return acknowledge(id);
  };
  return held;
}

function transportOver(
  journal: EnvelopeJournal,
  request: MakeRequest,
  queue: { maxEntries: number; maxBytes: number },
  concurrency?: number,
) {
  const drops: [DropReason, DataCategory, number][] = [];
  const transport = createTransport(
    {
      destination: createSentryDestination({ url: 'http://127.0.0.1:9/api/1/envelope/' }),
      recordDroppedEvent: (reason, category, quantity = 1) => drops.push([reason, category, quantity]),
      journal,
      queue,
      concurrency,
    },
    request,
  );
  return { transport, drops };
}

afterEach(() => vi.restoreAllMocks());

describe('createReplaySink (through createTransport)', () => {
  it('replays a backlog 40 times the queue no faster than it is sent: at most half the queue held, each record sent once', async () => {
    const journal = journalLeftBehind(4000);
    const held = watchHeld(journal);
    const sent: string[] = [];
    const { transport, drops } = transportOver(
      journal,
      async ({ body }) => {
        sent.push(/left (\d+)/.exec(String(body))![1]!);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return { statusCode: 200 };
      },
      { maxEntries: 100, maxBytes: 1024 * 1024 },
    );
    expect(await transport.flush(60_000)).toBe(true);
    expect(drops).toEqual([]);
    expect(new Set(sent).size).toBe(4000);
    expect(sent).toHaveLength(4000);
    expect(held.most).toBeLessThanOrEqual(50);
    expect(held.offered).toBeGreaterThan(4000); // some were offered while there was no room, then again
    expect(journal.storage.operations.filter((op) => op.startsWith('acknowledge'))).toHaveLength(4000);
    await transport.close?.(0);
  }, 90_000);

  it('holds a few requests per slot of a big queue, not half of it: each refill a small step, every record sent once', async () => {
    // Half of a 10,000-entry queue (Node's) was 5,000 replayed entries and their bodies taken at once, again at
    // each refill: all of them outlived the young generation and the collector paused the loop (issue #24).
    const journal = journalLeftBehind(3000);
    const held = watchHeld(journal);
    const sent = new Set<string>();
    let inFlight = 0;
    let most = 0;
    const { transport, drops } = transportOver(
      journal,
      async ({ body }) => {
        most = Math.max(most, ++inFlight);
        sent.add(/left (\d+)/.exec(String(body))![1]!);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        return { statusCode: 200 };
      },
      { maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 },
      10,
    );
    expect(await transport.flush(60_000)).toBe(true);
    expect(drops).toEqual([]);
    expect(sent.size).toBe(3000);
    expect(held.most).toBeLessThanOrEqual(40); // 4 per slot
    expect(most).toBe(10); // and enough that every slot stays busy
    await transport.close?.(0);
  }, 90_000);

  it('a record the queue refuses is counted once and forgotten by the journal: no acknowledge call, no timer each', async () => {
    const journal = journalLeftBehind(1000, 4000); // each body is over the queue's byte bound
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const { transport, drops } = transportOver(journal, () => Promise.resolve({ statusCode: 200 }), {
      maxEntries: 100,
      maxBytes: 2000,
    });
    expect(await transport.flush(10_000)).toBe(true);
    expect(drops.reduce((sum, [reason, , quantity]) => sum + (reason === 'queue_overflow' ? quantity : 0), 0)).toBe(
      1000,
    );
    expect(journal.storage.operations.filter((op) => op.startsWith('acknowledge'))).toEqual([]);
    expect(timers.mock.calls.length).toBeLessThan(20);
    await transport.close?.(0);
    // Forgotten: the next owner finds nothing to replay.
    const next = createMemoryJournal(journal.storage);
    const found: JournalRecord[] = [];
    await next.open({
      replay: (r) => (found.push(...r), r.map(() => 'queued')),
      ready: async () => {},
      unreadable() {},
    });
    expect(found).toEqual([]);
  });

  it('a journal whose acknowledgements never complete holds a flush for 5 s at most, with one timer, not one each', async () => {
    const journal = createMemoryJournal();
    journal.acknowledge = () => new Promise<void>(() => undefined); // a disk that hangs
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const { transport } = transportOver(journal, () => Promise.resolve({ statusCode: 200 }), {
      maxEntries: 1000,
      maxBytes: 1024 * 1024,
    });
    for (let i = 0; i < 200; i++)
      await transport.send(
        createEventEnvelope({ event_id: uuid4(), timestamp: Date.now() / 1000, message: `${i}` }, { sdk }),
      );
    const started = Date.now();
    expect(await transport.flush(20_000)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(timers.mock.calls.filter(([, ms]) => ms === 5000)).toHaveLength(1);
    await transport.close?.(0);
  }, 30_000);
});
