import type { JournalRecord, JournalSink, ReplayVerdict } from './types';

export interface OfferOptions {
  /** Ids the sink refused: the journal forgets them on its own (no acknowledge call comes for them). */
  forget(ids: string[]): void;
  /** Stop offering (the journal closes); what was not taken stays stored, for the next owner. */
  stopped?(): boolean;
  /** Between two slices the sink took whole (Node yields to the event loop there). */
  between?(): Promise<void>;
}

/** Records per call to the sink: the transport's work per record is O(1), whatever the body's size. */
const SLICE = 256;

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
  for (let next = 0; next < records.length;) {
    if (options.stopped?.()) return false;
    const slice = records.slice(next, next + SLICE);
    let verdicts: ReplayVerdict[];
    try {
      verdicts = sink.replay(slice);
    } catch {
      verdicts = [];
    }
    let taken = 0;
    const refused: string[] = [];
    for (const record of slice) {
      const verdict = verdicts[taken] ?? 'queued';
      if (verdict === 'later') break;
      if (verdict === 'refused') refused.push(record.id);
      taken++;
    }
    if (refused.length > 0) options.forget(refused);
    next += taken;
    await (taken < slice.length ? sink.ready() : options.between?.());
  }
  return true;
}
