import { describe, expect, it } from 'vitest';
import { journalRecord, openAndCollect } from './collectingSink';
import { journalFaultCases, type MakeJournalStorage } from './journalFaultCases';

const bodyText = (body: string | Uint8Array | undefined) =>
  body === undefined ? undefined : typeof body === 'string' ? body : `bytes:${Array.from(body).join(',')}`;

/**
 * The one contract every envelope journal (IndexedDB, file) passes: what was appended and not
 * acknowledged is replayed exactly once by the next owner, in order and intact; acknowledgements hold even
 * when they race the append; nothing rejects; and the fault cases (see journalFaultCases): storage that
 * fails and comes back, damaged records counted once, replay no faster than the transport takes.
 */
export function runJournalContract(name: string, makeStorage: MakeJournalStorage): void {
  describe(`${name} (journal contract)`, () => {
    it('replays nothing from empty storage', async () => {
      const open = await makeStorage();
      const journal = await open();
      const { replayed, unreadable } = await openAndCollect(journal);
      expect(replayed).toEqual([]);
      expect(unreadable).toEqual([]);
      await journal.close();
    });

    it('replays to the next owner exactly the records not acknowledged, oldest first and intact', async () => {
      const open = await makeStorage();
      const first = await open();
      await openAndCollect(first);
      const kept = [
        journalRecord({ body: 'text é ✓', quantities: { error: 1 } }),
        journalRecord({ body: new Uint8Array([0, 1, 255, 10]), gzip: true, quantities: { log_item: 3 } }),
        journalRecord({
          body: 'report',
          quantities: {},
          reports: [{ reason: 'queue_overflow', category: 'error', quantity: 2 }],
        }),
      ];
      const acked = journalRecord({ body: 'delivered' });
      await first.append(kept[0]!);
      await first.append(acked);
      await first.append(kept[1]!);
      await first.append(kept[2]!);
      await first.acknowledge(acked.id);
      await first.close();

      const second = await open();
      const { replayed } = await openAndCollect(second);
      expect(replayed.map((r) => r.id)).toEqual(kept.map((r) => r.id));
      expect(replayed.map((r) => bodyText(r.body))).toEqual(kept.map((r) => bodyText(r.body)));
      expect(replayed.map((r) => Boolean(r.gzip))).toEqual([false, true, false]);
      expect(replayed.map((r) => r.quantities)).toEqual(kept.map((r) => r.quantities));
      expect(replayed[2]!.reports).toEqual(kept[2]!.reports);
      expect(replayed[0]!.createdAt).toBe(kept[0]!.createdAt);
      await second.close();
    });

    it('reads back a body by id until it is acknowledged', async () => {
      const open = await makeStorage();
      const journal = await open();
      await openAndCollect(journal);
      const record = journalRecord({ body: 'read me' });
      expect(await journal.append(record)).toBe(true);
      expect(bodyText(await journal.read(record.id))).toBe('read me');
      await journal.acknowledge(record.id);
      expect(await journal.read(record.id)).toBeUndefined();
      expect(await journal.read('no-such-id')).toBeUndefined();
      await journal.close();
    });

    it('holds an acknowledgement made while the append is still under way', async () => {
      const open = await makeStorage();
      const first = await open();
      await openAndCollect(first);
      const record = journalRecord();
      const appending = first.append(record);
      await first.acknowledge(record.id);
      await appending;
      await first.close();
      const second = await open();
      expect((await openAndCollect(second)).replayed).toEqual([]);
      await second.close();
    });

    it('ignores acknowledgements of unknown ids and never rejects after close', async () => {
      const open = await makeStorage();
      const journal = await open();
      await openAndCollect(journal);
      await expect(journal.acknowledge('unknown')).resolves.toBeUndefined();
      await journal.close();
      await expect(journal.append(journalRecord())).resolves.toBe(false);
      await expect(journal.acknowledge('unknown')).resolves.toBeUndefined();
      await expect(journal.close()).resolves.toBeUndefined();
    });

    it('keeps exactly the unacknowledged records after many racing appends and acknowledgements', async () => {
      const open = await makeStorage();
      const first = await open();
      await openAndCollect(first);
      const records = Array.from({ length: 2000 }, (_, i) => journalRecord({ body: `stress ${i}` }));
      const work: Promise<unknown>[] = [];
      records.forEach((record, i) => {
        work.push(first.append(record));
        if (i % 2 === 0) work.push(first.acknowledge(record.id));
      });
      await Promise.all(work);
      await first.close();
      const second = await open();
      const { replayed } = await openAndCollect(second);
      expect(replayed.map((r) => r.id)).toEqual(records.filter((_, i) => i % 2 === 1).map((r) => r.id));
      await second.close();
    }, 60_000);

    it('does not replay the records of an owner that is still alive', async () => {
      const open = await makeStorage();
      const alive = await open();
      await openAndCollect(alive);
      await alive.append(journalRecord({ body: 'mine' }));
      const other = await open();
      expect((await openAndCollect(other)).replayed).toEqual([]);
      await other.close();
      await alive.close();
    });

    it('replays a record once only, even to an owner opened after a replaying owner', async () => {
      const open = await makeStorage();
      const first = await open();
      await openAndCollect(first);
      await first.append(journalRecord({ body: 'once' }));
      await first.close();
      const second = await open();
      expect((await openAndCollect(second)).replayed.map((r) => r.body)).toEqual(['once']);
      // The second owner now holds it (alive, not acknowledged): a third owner must not replay it too.
      const third = await open();
      expect((await openAndCollect(third)).replayed).toEqual([]);
      await third.close();
      await second.close();
    });

    journalFaultCases(makeStorage);
  });
}
