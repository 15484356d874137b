import type { EnvelopeStore, StoredEnvelope, StoreLimits } from '@faultline/core';
import { describe, expect, it } from 'vitest';

export type MakeStore = (limits: Partial<StoreLimits>, now: () => number) => EnvelopeStore | Promise<EnvelopeStore>;

let sequence = 0;
/** An entry whose id sorts after every earlier one, as the transport makes them. */
export function storedEnvelope(overrides: Partial<StoredEnvelope> = {}): StoredEnvelope {
  const n = sequence++;
  return {
    id: `${Date.now().toString(36).padStart(9, '0')}-${n.toString(36).padStart(6, '0')}-test`,
    createdAt: Date.now(),
    body: `envelope ${n}`,
    quantities: { error: 1 },
    attempts: 0,
    ...overrides,
  };
}

/**
 * The one contract every envelope store (memory, IndexedDB, file) must pass: order, removal, attempt
 * counts, byte accounting, count/byte bounds with oldest-first eviction, TTL expiry, binary bodies.
 * A `shared` store (one several browser tabs use) must also hand out one claim per entry at a time.
 */
export function runStoreContract(name: string, makeStore: MakeStore, { shared = false } = {}): void {
  describe(`${name} (store contract)`, () => {
    const bodies = async (store: EnvelopeStore) => (await store.peek(1000)).entries.map((e) => e.body);

    it('returns entries oldest first, up to the limit', async () => {
      const store = await makeStore({}, Date.now);
      for (const body of ['a', 'b', 'c']) await store.push(storedEnvelope({ body }));
      expect(await bodies(store)).toEqual(['a', 'b', 'c']);
      expect((await store.peek(2)).entries.map((e) => e.body)).toEqual(['a', 'b']);
    });

    it('removes by id and ignores unknown ids', async () => {
      const store = await makeStore({}, Date.now);
      const first = storedEnvelope({ body: 'first' });
      await store.push(first);
      await store.push(storedEnvelope({ body: 'second' }));
      await store.remove(first.id);
      await store.remove('no-such-id');
      expect(await bodies(store)).toEqual(['second']);
    });

    it('keeps every field, and the attempt count after update', async () => {
      const store = await makeStore({}, Date.now);
      const entry = storedEnvelope({ headers: { 'Content-Encoding': 'gzip' }, quantities: { error: 1, log_item: 3 } });
      await store.push(entry);
      await store.update({ ...entry, attempts: 3 });
      const [stored] = (await store.peek(1)).entries;
      expect(stored).toEqual({ ...entry, attempts: 3 });
    });

    it('counts entries and bytes', async () => {
      const store = await makeStore({}, Date.now);
      await store.push(storedEnvelope({ body: 'x'.repeat(100) }));
      await store.push(storedEnvelope({ body: 'y'.repeat(50) }));
      expect(await store.size()).toEqual({ count: 2, bytes: 150 });
    });

    it('evicts the oldest entries beyond maxEntries and reports them as overflow', async () => {
      const store = await makeStore({ maxEntries: 3 }, Date.now);
      const evicted: string[] = [];
      for (let i = 0; i < 5; i++) {
        for (const { entry, reason } of await store.push(storedEnvelope({ body: `e${i}` }))) {
          expect(reason).toBe('queue_overflow');
          evicted.push(entry.body as string);
        }
      }
      expect(evicted).toEqual(['e0', 'e1']);
      expect(await bodies(store)).toEqual(['e2', 'e3', 'e4']);
    });

    it('evicts the oldest entries beyond maxBytes, and refuses an entry bigger than the whole store', async () => {
      const store = await makeStore({ maxBytes: 250 }, Date.now);
      await store.push(storedEnvelope({ body: 'a'.repeat(100) }));
      await store.push(storedEnvelope({ body: 'b'.repeat(100) }));
      const evictions = await store.push(storedEnvelope({ body: 'c'.repeat(100) }));
      expect(evictions.map((e) => (e.entry.body as string)[0])).toEqual(['a']);
      const huge = storedEnvelope({ body: 'h'.repeat(300) });
      expect((await store.push(huge)).map((e) => e.entry.id)).toEqual([huge.id]);
      expect((await store.size()).bytes).toBe(200);
    });

    it('drops entries older than the TTL on peek and reports them as expired', async () => {
      let now = 1_000_000;
      const store = await makeStore({ ttlMs: 1000 }, () => now);
      await store.push(storedEnvelope({ body: 'old', createdAt: now - 5000 }));
      await store.push(storedEnvelope({ body: 'fresh', createdAt: now }));
      now += 500;
      const { entries, evictions } = await store.peek(10);
      expect(entries.map((e) => e.body)).toEqual(['fresh']);
      expect(evictions.map((e) => [e.entry.body, e.reason])).toEqual([['old', 'expired']]);
      expect((await store.size()).count).toBe(1);
    });

    it('round-trips binary bodies', async () => {
      const store = await makeStore({}, Date.now);
      await store.push(storedEnvelope({ body: new Uint8Array([31, 139, 8, 0, 255]) }));
      const [entry] = (await store.peek(1)).entries;
      expect(Array.from(entry!.body as Uint8Array)).toEqual([31, 139, 8, 0, 255]);
      expect((await store.size()).bytes).toBe(5);
    });

    it('hands out copies: changing a peeked entry does not change the store', async () => {
      const store = await makeStore({}, Date.now);
      await store.push(storedEnvelope({ body: 'kept' }));
      const [entry] = (await store.peek(1)).entries;
      entry!.attempts = 99;
      expect((await store.peek(1)).entries[0]!.attempts).toBe(0);
    });

    if (!shared) return;

    it('claims: one holder at a time, none for a removed entry', async () => {
      const store = await makeStore({}, Date.now);
      expect(store.claim).toBeTypeOf('function');
      const claim = store.claim!.bind(store);
      const entry = storedEnvelope();
      await store.push(entry);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const ran: string[] = [];
      const first = claim(entry.id, async () => {
        ran.push('first');
        await held;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await claim(entry.id, async () => void ran.push('second'))).toBe(false);
      release();
      expect(await first).toBe(true);
      expect(await claim(entry.id, async () => void ran.push('third'))).toBe(true);
      await store.remove(entry.id);
      expect(await claim(entry.id, async () => void ran.push('after removal'))).toBe(false);
      expect(ran).toEqual(['first', 'third']);
    });
  });
}
