/**
 * How long each lock's heartbeat has not moved, as this process sees it on its own monotonic clock: the
 * lock's mtime is only compared with what it was, never with the wall clock (so no step of either process's
 * clock makes a live owner look dead). A lock seen for the first time has not been silent yet.
 */
export function createHeartbeatWatch(clock: () => number) {
  const seen = new Map<string, { mtimeMs: number; since: number }>();
  let looked = new Set<string>();
  return {
    silentFor(key: string, mtimeMs: number | undefined): number {
      looked.add(key);
      const now = clock();
      const last = seen.get(key);
      if (!last || last.mtimeMs !== (mtimeMs ?? -1)) {
        seen.set(key, { mtimeMs: mtimeMs ?? -1, since: now });
        return 0;
      }
      return now - last.since;
    },
    /** Forgets the locks not looked at since the last sweep (their folders were adopted or removed). */
    sweep(): void {
      for (const key of seen.keys()) if (!looked.has(key)) seen.delete(key);
      looked = new Set();
    },
  };
}

export type HeartbeatWatch = ReturnType<typeof createHeartbeatWatch>;
