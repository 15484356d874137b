// Its own file: the entry reads it at page hide without bringing the transport with it.

/** The `localStorage` key: ingest URL → when its transport last saw it fail (ms since the epoch). */
const FAILING_KEY = 'faultline:failing';
/** A mark older than this says nothing about the destination now. */
const MARK_TTL_MS = 24 * 60 * 60 * 1000;

function readMarks(): Record<string, number> {
  try {
    const marks = JSON.parse(localStorage.getItem(FAILING_KEY) ?? '{}') as unknown;
    return typeof marks === 'object' && marks !== null ? (marks as Record<string, number>) : {};
  } catch {
    return {}; // no localStorage (sandboxed), or not ours to read
  }
}

/**
 * Whether a page's transport last saw `url` fail, within the last day, without a success since. What a page
 * going away before its pipeline arrived asks before it hands a capture to a beacon, whose answer it would
 * never see.
 */
export function isDestinationFailing(url: string, now = Date.now()): boolean {
  const since = readMarks()[url];
  // Either way: a clock stepped back leaves a mark from the future, still within a day of now.
  return typeof since === 'number' && Math.abs(now - since) < MARK_TTL_MS;
}

/** Called by the fetch transport at its first answer and as its destination turns failing (`healthy` false) or answers again. */
export function markDestinationHealth(url: string, healthy: boolean, now = Date.now()): void {
  try {
    const marks = readMarks();
    if (healthy === !(url in marks)) return;
    if (healthy) delete marks[url];
    else marks[url] = now;
    if (Object.keys(marks).length > 0) localStorage.setItem(FAILING_KEY, JSON.stringify(marks));
    else localStorage.removeItem(FAILING_KEY);
  } catch {
    // no localStorage, or full: a page going away then beacons as if the destination were healthy
  }
}
