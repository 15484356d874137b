import type { EnvelopeJournal, JournalRecord, ReplayVerdict } from '@faultline/core';
import { expect, it } from 'vitest';
import { collectingSink, journalRecord, openAndCollect } from './collectingSink';

/** How a storage can be made to fail, for the contract's fault cases (see journalFaultCases). */
export interface JournalFaults {
  /** Writes fail from now on (a full disk, a read-only folder, a quota), until `heal()`. */
  breakWrites(): void | Promise<void>;
  heal(): void | Promise<void>;
  /** Alters, where it is stored, the record with this id (a flipped bit, a value of another shape). */
  damage(id: string): Promise<void>;
}

/** Opens a new owner (a process, a tab) on one storage; with `faults`, the fault cases run too. */
export type OpenJournal = (() => EnvelopeJournal | Promise<EnvelopeJournal>) & { faults?: JournalFaults };

/**
 * Fresh, empty storage for one case; each call of the returned function opens a new owner (a process, a
 * tab) on that same storage — after the previous owner closed, or beside it while it lives.
 */
export type MakeJournalStorage = () => Promise<OpenJournal>;

const waitUntil = async (condition: () => Promise<boolean>, ms: number): Promise<boolean> => {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((resolve) => setTimeout(resolve, 50)))
    if (await condition()) return true;
  return false;
};

/**
 * The fault cases of the journal contract: storage that fails and comes back, damaged records, and a
 * transport that refuses records or has no room for them yet. Storages that cannot fail on demand here
 * (`faults` missing: no root to mount, say) skip the first two, saying why.
 */
export function journalFaultCases(makeStorage: MakeJournalStorage): void {
  it('keeps what it is handed while storage fails, and writes it once storage is back', async (context) => {
    const open = await makeStorage();
    if (!open.faults) return context.skip('this storage cannot be made to fail here');
    const journal = await open();
    await openAndCollect(journal);
    const before = journalRecord({ body: 'before' });
    expect(await journal.append(before)).toBe(true);
    await open.faults.breakWrites();
    const during = [journalRecord({ body: 'during 1' }), journalRecord({ body: 'during 2' })];
    try {
      for (const record of during) expect(await journal.append(record)).toBe(false);
      await expect(journal.acknowledge(before.id)).resolves.toBeUndefined();
      expect(await journal.read(during[0]!.id)).toBeDefined(); // still in memory
    } finally {
      await open.faults.heal();
    }
    // Appends answer true again once a probe found storage back; every marker made meanwhile was kept too.
    const markers: JournalRecord[] = [];
    const healed = await waitUntil(async () => {
      const marker = journalRecord({ body: `marker ${markers.length}` });
      markers.push(marker);
      return journal.append(marker);
    }, 10_000);
    expect(healed).toBe(true);
    await journal.close();
    const next = await open();
    const { replayed } = await openAndCollect(next);
    // `before` may come back (its acknowledgement could not be written): sent twice, never lost.
    const bodies = replayed.map((record) => record.body).filter((body) => body !== 'before');
    expect(bodies).toEqual([...during, ...markers].map((record) => record.body));
    await next.close();
  }, 30_000);

  it('counts a damaged record once, with what it carried, and still replays the others', async (context) => {
    const open = await makeStorage();
    if (!open.faults) return context.skip('this storage cannot be damaged here');
    const first = await open();
    await openAndCollect(first);
    const records = [
      journalRecord({ body: 'intact 1' }),
      journalRecord({ body: 'damaged', quantities: { error: 1 } }),
      journalRecord({ body: 'intact 2' }),
    ];
    for (const record of records) await first.append(record);
    await first.close();
    await open.faults.damage(records[1]!.id);
    const second = await open();
    const seen = await openAndCollect(second);
    expect(seen.replayed.map((record) => record.body)).toEqual(['intact 1', 'intact 2']);
    expect(seen.unreadable).toEqual([{ error: 1 }]);
    await second.close();
    const third = await open();
    expect(await openAndCollect(third)).toMatchObject({ unreadable: [] }); // counted once, not at every start
    await third.close();
  });

  it('forgets what the transport refuses, and offers what it has no room for again once it is ready', async () => {
    const open = await makeStorage();
    const first = await open();
    await openAndCollect(first);
    const records = Array.from({ length: 6 }, (_, i) => journalRecord({ body: `backlog ${i}` }));
    for (const record of records) await first.append(record);
    await first.close();

    // Refuses record 1; has room for two records, then for the rest once `ready()` was awaited.
    let room = 2;
    let readyCalls = 0;
    const offers = new Map<string, number>();
    const { sink, replayed } = collectingSink((record): ReplayVerdict => {
      offers.set(record.id, (offers.get(record.id) ?? 0) + 1);
      if (record.id === records[1]!.id) return 'refused';
      return room-- > 0 ? 'queued' : 'later';
    });
    const second = await open();
    await second.open({
      ...sink,
      ready() {
        readyCalls++;
        room = Infinity;
        return Promise.resolve();
      },
    });
    expect(readyCalls).toBeGreaterThan(0);
    const kept = records.filter((_, i) => i !== 1).map((record) => record.id);
    expect(replayed.map((record) => record.id)).toEqual(kept);
    expect(offers.get(records[1]!.id)).toBe(1);
    await second.close();
    // Nothing was acknowledged: the queued ones come back, the refused one does not.
    const third = await open();
    expect((await openAndCollect(third)).replayed.map((record) => record.id)).toEqual(kept);
    await third.close();
  });
}
