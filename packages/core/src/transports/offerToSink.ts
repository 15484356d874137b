import type { JournalRecord, JournalSink, ReplayVerdict } from './types';

export interface OfferOptions {
  /** Ids the sink refused: the journal forgets them on its own (no acknowledge call comes for them). */
  forget(ids: string[]): void;
  /** Stop offering (the journal closes); what was not taken stays stored, for the next owner. */
  stopped?(): boolean;
  /** Between two slices the sink took whole (Node yields to the event loop there). */
  between?(): Promise<void>;
  /** Records per call to the sink, and about how many body characters. Defaults 256 and 1 MiB. */
  sliceRecords?: number;
  sliceBytes?: number;
}

const sizeOf = (record: JournalRecord) =>
  typeof record.body === 'string' ? record.body.length : record.body.byteLength;

/**
 * Offers records to a journal sink in slices until it has taken them all — queued, or refused (then
 * forgotten) — waiting for `ready()` whenever it answers `later`: a journal replays no faster than the
 * transport takes. A sink that throws is taken to have queued the slice (its records stay stored until
 * acknowledged, so nothing is lost). Resolves false when stopped first.
 */
export async function offerToSink(
  sink: JournalSink,
  records: JournalRecord[],
  options: OfferOptions,
): Promise<boolean> {
  const { sliceRecords = 256, sliceBytes = 1024 * 1024 } = options;
  let next = 0;
  while (next < records.length) {
    if (options.stopped?.()) return false;
    let end = next;
    for (let bytes = 0; end < records.length && end - next < sliceRecords && bytes < sliceBytes; end++)
      bytes += sizeOf(records[end]!);
    const slice = records.slice(next, end);
    let verdicts: ReplayVerdict[];
    try {
      verdicts = sink.replay(slice);
    } catch {
      verdicts = slice.map(() => 'queued');
    }
    const refused = slice.filter((_, index) => verdicts[index] === 'refused').map((record) => record.id);
    if (refused.length > 0) options.forget(refused);
    let taken = 0;
    while (taken < slice.length && verdicts[taken] !== undefined && verdicts[taken] !== 'later') taken++;
    next += taken;
    if (taken < slice.length) await sink.ready();
    else await options.between?.();
  }
  return true;
}
