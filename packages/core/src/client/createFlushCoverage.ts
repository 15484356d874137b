/**
 * Whether anything reached the client (a capture, a log, an envelope) since a flush that settled last
 * waited for it, whatever that flush resolved to: a flush at exit is skipped when not (the app already
 * waited for all of it once; a receiver that never answers would hold the process a second time).
 */
export function createFlushCoverage() {
  let handed = 0;
  let covered = 0;
  return {
    /** Something reached the client; always true (so it can guard what follows). */
    handed(): true {
      handed++;
      return true;
    },
    /**
     * The transport's part of a flush: once `flushing` settles, what was handed before it started is
     * covered, when `processed` (the pipeline had handed all of it to the transport). Resolves as `flushing`.
     */
    async covering(processed: boolean, flushing: PromiseLike<boolean>): Promise<boolean> {
      const upTo = handed;
      const sent = await flushing;
      if (processed) covered = Math.max(covered, upTo);
      return sent;
    },
    pending: (): boolean => handed > covered,
  };
}
