/** A client report as stored (client_reports.ndjson): the item's payload and who sent it. */
export interface StoredClientReport {
  timestamp?: number;
  discarded_events?: unknown;
  /** The envelope header's `sdk`. */
  sdk?: { name?: string; version?: string };
  /** The release of the envelope it came in (its `trace` header, or an event or session of it). */
  release?: string;
}

/** What the SDKs of one name, version and release reported losing. */
export interface SdkHealthRow {
  sdk: string;
  version: string;
  release?: string;
  /** Client reports received. */
  reports: number;
  /** When the last one arrived (ms since the epoch). */
  lastSeen: number;
  /** Items lost, in all. */
  dropped: number;
  /** Items lost per client-report reason, then per data category. */
  drops: Record<string, Record<string, number>>;
}

/** Rows kept (SDK, version and release together): the least recently reporting go first beyond it. */
const ROWS_KEPT = 200;
const MAX_LABEL = 200;
/** Reasons and categories kept per row: names an SDK made up do not grow memory without bound. */
const KEYS_KEPT = 64;

const label = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value.slice(0, MAX_LABEL) : undefined;

/**
 * The health of the SDKs that send to `faultline dev`, from their client reports: per SDK name, version and
 * release, the items lost by reason and category, and when each last reported. Bounded in memory.
 */
export function createSdkHealth() {
  const rows = new Map<string, SdkHealthRow>();
  /** The release each SDK (name and version) last sent an event for, for reports sent on their own. */
  const releases = new Map<string, string>();
  const sdkKey = (sdk: StoredClientReport['sdk']) => JSON.stringify([label(sdk?.name), label(sdk?.version)]);
  return {
    /** An event of this SDK, for this release, arrived. */
    seen(sdk: StoredClientReport['sdk'], release: unknown): void {
      const value = label(release);
      if (!value) return;
      const key = sdkKey(sdk);
      releases.delete(key);
      releases.set(key, value);
      if (releases.size > ROWS_KEPT) releases.delete(releases.keys().next().value!);
    },
    /** The release of a report: its envelope's, else that of the last event of the same SDK. */
    releaseOf: (report: StoredClientReport): string | undefined =>
      label(report.release) ?? releases.get(sdkKey(report.sdk)),
    add(report: StoredClientReport, now: number): void {
      const sdk = label(report.sdk?.name) ?? 'unknown';
      const version = label(report.sdk?.version) ?? 'unknown';
      const release = label(report.release);
      const key = JSON.stringify([sdk, version, release]);
      let row = rows.get(key);
      if (!row) {
        row = { sdk, version, release, reports: 0, lastSeen: 0, dropped: 0, drops: {} };
        rows.set(key, row);
      }
      row.reports++;
      const at = Number(report.timestamp) * 1000;
      row.lastSeen = Math.max(row.lastSeen, Number.isFinite(at) && at > 0 ? at : now);
      for (const discarded of Array.isArray(report.discarded_events) ? report.discarded_events : []) {
        const { reason, category, quantity } = (discarded ?? {}) as Record<string, unknown>;
        const count = Number(quantity);
        const why = label(reason);
        const what = label(category);
        if (!why || !what || !Number.isSafeInteger(count) || count <= 0) continue;
        const byCategory = row.drops[why] ?? (Object.keys(row.drops).length < KEYS_KEPT ? (row.drops[why] = {}) : {});
        if (byCategory[what] === undefined && Object.keys(byCategory).length >= KEYS_KEPT) continue;
        byCategory[what] = (byCategory[what] ?? 0) + count;
        row.dropped += count;
      }
      // Re-inserted last: the Map's first entry is the one that reported longest ago.
      rows.delete(key);
      rows.set(key, row);
      if (rows.size > ROWS_KEPT) rows.delete(rows.keys().next().value!);
    },
    /** Every row, the most recent reporter first. */
    rows: (): SdkHealthRow[] => [...rows.values()].sort((a, b) => b.lastSeen - a.lastSeen),
  };
}
