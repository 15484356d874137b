import type { EnvelopeJournal, JournalRecord, JournalSink, ReplayVerdict } from '@faultline/core';

let sequence = 0;
/** A record whose id sorts after every earlier one, as the transport makes them. */
export function journalRecord(overrides: Partial<JournalRecord> = {}): JournalRecord {
  const n = sequence++;
  return {
    id: `${Date.now().toString(36).padStart(9, '0')}-${n.toString(36).padStart(6, '0')}-test`,
    createdAt: Date.now(),
    body: `envelope ${n}`,
    quantities: { error: 1 },
    ...overrides,
  };
}

/** A sink that takes every record (or answers as `answer` says) and collects what it was offered. */
export function collectingSink(answer: (record: JournalRecord) => ReplayVerdict = () => 'queued') {
  const replayed: JournalRecord[] = [];
  const unreadable: Record<string, number>[] = [];
  const sink: JournalSink = {
    replay(records) {
      const verdicts: ReplayVerdict[] = [];
      for (const record of records) {
        const verdict = verdicts.at(-1) === 'later' ? 'later' : answer(record);
        if (verdict === 'queued') replayed.push(record);
        verdicts.push(verdict);
      }
      return verdicts;
    },
    ready: () => Promise.resolve(),
    unreadable: (quantities) => void unreadable.push(quantities as Record<string, number>),
  };
  return { sink, replayed, unreadable };
}

/** Opens a journal and collects what it replays at open. */
export async function openAndCollect(
  journal: EnvelopeJournal,
): Promise<{ replayed: JournalRecord[]; unreadable: Record<string, number>[] }> {
  const { sink, replayed, unreadable } = collectingSink();
  await journal.open(sink);
  return { replayed, unreadable };
}
