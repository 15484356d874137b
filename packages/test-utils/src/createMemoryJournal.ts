import { offerToSink, type EnvelopeJournal, type JournalRecord } from '@faultline/core';

/** Storage several memory journals share, as processes share a folder: records per owner, and who lives. */
export interface MemoryJournalStorage {
  owners: Map<string, Map<string, JournalRecord>>;
  alive: Set<string>;
  /** Operations made, for tests that check the journal was (or was not) used. */
  operations: string[];
}

let owners = 0;

/**
 * A journal kept in memory that behaves like a durable one across "restarts" (new journals over the same
 * storage): for unit tests of the transport, and as the reference the journal contract is checked against.
 * `crash()` ends an owner without releasing it, as a killed process would; it is then adopted.
 */
export function createMemoryJournal(
  storage: MemoryJournalStorage = { owners: new Map(), alive: new Set(), operations: [] },
): EnvelopeJournal & { storage: MemoryJournalStorage; crash(): void } {
  const owner = `owner-${owners++}`;
  const own = new Map<string, JournalRecord>();
  storage.owners.set(owner, own);
  storage.alive.add(owner);
  let closed = false;
  const copy = (record: JournalRecord): JournalRecord => ({ ...record });
  return {
    storage,
    async open(sink) {
      storage.operations.push('open');
      for (const [other, records] of storage.owners) {
        if (storage.alive.has(other)) continue;
        storage.owners.delete(other);
        const adopted = [...records.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
        for (const record of adopted) own.set(record.id, record);
        // As fast as the sink takes them: what it refuses is forgotten here.
        await offerToSink(sink, adopted.map(copy), {
          forget: (ids) => ids.forEach((id) => own.delete(id)),
          stopped: () => closed,
        });
      }
    },
    append(record) {
      storage.operations.push(`append ${record.id}`);
      if (closed) return Promise.resolve(false);
      own.set(record.id, copy(record));
      return Promise.resolve(true);
    },
    persistSync(options) {
      // Every append is kept at once here: nothing waits to be written.
      storage.operations.push(options?.keepOpen ? 'persistSync keepOpen' : 'persistSync');
      if (closed) return false;
      if (!options?.keepOpen) closed = true;
      return true;
    },
    acknowledge(id) {
      storage.operations.push(`acknowledge ${id}`);
      own.delete(id);
      return Promise.resolve();
    },
    read(id) {
      return Promise.resolve(own.get(id)?.body);
    },
    close() {
      closed = true;
      storage.alive.delete(owner);
      return Promise.resolve();
    },
    crash() {
      closed = true;
      storage.alive.delete(owner);
    },
  };
}
