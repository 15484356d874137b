import { createEventEnvelope, serializeEnvelope, uuid4, type JournalRecord } from '@faultline/core';
import { createMemoryJournal } from './createMemoryJournal';

const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };

/**
 * A memory journal over storage where a dead owner left `count` error envelopes (`left 000000 …`, oldest
 * first), each padded with `padding` characters: what a crashed process leaves for the next to replay.
 */
export function journalLeftBehind(count: number, padding = 0) {
  const journal = createMemoryJournal();
  const records = new Map<string, JournalRecord>();
  for (let i = 0; i < count; i++) {
    const message = `left ${String(i).padStart(6, '0')} ${'x'.repeat(padding)}`;
    const envelope = createEventEnvelope({ event_id: uuid4(), timestamp: Date.now() / 1000, message }, { sdk });
    const id = `${Date.now().toString(36)}-${String(i).padStart(6, '0')}`;
    records.set(id, {
      id,
      createdAt: Date.now(),
      body: serializeEnvelope(envelope) as string,
      quantities: { error: 1 },
    });
  }
  journal.storage.owners.set('dead', records);
  return journal;
}
