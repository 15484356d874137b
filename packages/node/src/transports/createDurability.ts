/** Whether a journal's records reach the disk: yes, not now (probing), never (a folder refused), or closed. */
export type DurabilityState = 'durable' | 'failing' | 'refused' | 'closed';

export interface DurabilityOptions {
  /** Tries one write; true when the disk took it (the journal then writes what it kept in memory). */
  probe(): Promise<boolean>;
  /** Appends kept in memory meanwhile, for the sentence said when durability returns. */
  waiting(): number;
  /** Says something once, without `debug` (losing durability must not be silent). */
  warn(message: string): void;
  /** First wait before a probe, doubling up to `maxProbeMs`. Defaults 1 s and 30 s. */
  minProbeMs?: number;
  maxProbeMs?: number;
  /** Runs `callback` after `ms` on a monotonic clock without keeping the process alive; returns a cancel. */
  setTimer?(callback: () => void, ms: number): () => void;
}

const defaultTimer = (callback: () => void, ms: number) => {
  // Node's timers run on a monotonic clock: a step of the wall clock neither delays nor hurries a probe.
  const handle = setTimeout(callback, ms);
  handle.unref();
  return () => clearTimeout(handle);
};

/**
 * One state machine for a journal's durability. A write that fails (ENOSPC, EACCES, EROFS, EIO, a folder
 * taken away) turns it `failing`: one warning, then probes with exponential backoff until one succeeds, and
 * one warning that it is back. A folder that may not be used (not ours, a symlink) is `refused` for good.
 */
export function createDurability(options: DurabilityOptions) {
  const { minProbeMs = 1000, maxProbeMs = 30_000, setTimer = defaultTimer } = options;
  let state: DurabilityState = 'durable';
  let delay = minProbeMs;
  let cancel: (() => void) | undefined;

  const describe = (error: unknown) =>
    error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);

  function schedule(): void {
    cancel = setTimer(() => void probe(), delay);
    delay = Math.min(delay * 2, maxProbeMs);
  }

  async function probe(): Promise<void> {
    cancel = undefined;
    if (state !== 'failing') return;
    let healed = false;
    const kept = options.waiting();
    try {
      healed = await options.probe();
    } catch {
      // a failed probe: try again later
    }
    if (state !== 'failing') return;
    if (!healed) return schedule();
    state = 'durable';
    delay = minProbeMs;
    options.warn(`writing again; ${kept} envelope(s) kept in memory meanwhile are journaled now.`);
  }

  return {
    get state(): DurabilityState {
      return state;
    },
    /** A write failed: durability is lost until a probe succeeds. */
    failed(problem: string, error?: unknown): void {
      if (state !== 'durable') return;
      state = 'failing';
      options.warn(
        `${problem} (${describe(error)}): envelopes are kept in memory only (a crash now loses them) until it can write again; retrying with backoff.`,
      );
      schedule();
    },
    /** The journal may not use its folder: memory only, for good. */
    refused(problem: string, error?: unknown): void {
      if (state === 'refused' || state === 'closed') return;
      cancel?.();
      state = 'refused';
      options.warn(`${problem} (${describe(error)}): envelopes are kept in memory only.`);
    },
    close(): void {
      cancel?.();
      state = 'closed';
    },
  };
}
