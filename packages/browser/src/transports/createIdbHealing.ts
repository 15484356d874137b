import { debugLogger } from '@faultline/core';

// Replaced by bundlers: production builds say what failed and leave out what happens next.
declare const process: { env: { NODE_ENV?: string } };

/** After a failure, the first wait before writing again, doubling up to the longest. */
const PROBE_MIN_MS = 1000;
const PROBE_MAX_MS = 30_000;

/**
 * The IndexedDB journal's durability: when a write fails, what it was to write is `kept` (by key) and
 * `retry` — which writes what is kept, opening the database anew — runs with backoff until one commits. One
 * sentence when durability is lost and one when it is back, even without `debug`.
 */
export function createIdbHealing(retry: (kept: Map<string, unknown>) => Promise<boolean>) {
  const kept = new Map<string, unknown>();
  let failing = false;
  let closed = false;
  let delay = PROBE_MIN_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function probe(count = kept.size): Promise<void> {
    if (closed) return;
    const batch = new Map(kept);
    const committed = await retry(batch).catch(() => false);
    if (closed) return;
    if (!committed) {
      delay = Math.min(delay * 2, PROBE_MAX_MS);
      timer = setTimeout(() => void probe(), delay);
      return;
    }
    batch.forEach((value, key) => kept.get(key) === value && kept.delete(key));
    if (kept.size > 0) return probe(count); // kept while this write was under way: written next, at once
    failing = false;
    delay = PROBE_MIN_MS;
    debugLogger.configProblem(
      process.env.NODE_ENV !== 'production'
        ? `IndexedDB journal works again; ${count} envelope(s) kept in memory meanwhile are journaled`
        : 'IndexedDB works again',
    );
  }

  return {
    kept,
    get failing(): boolean {
      return failing;
    },
    fail(error: unknown): void {
      if (failing || closed) return;
      failing = true;
      debugLogger.configProblem(
        process.env.NODE_ENV !== 'production'
          ? `IndexedDB journal unavailable (${String(error)}); envelopes are kept in memory only until it works again`
          : `IndexedDB unavailable (${String(error)})`,
      );
      timer = setTimeout(() => void probe(), delay);
    },
    close(): void {
      closed = true;
      clearTimeout(timer);
    },
  };
}
