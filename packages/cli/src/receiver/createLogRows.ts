import { logRecordKey } from './logRecordKey';
import { MAX_LOG_BYTES, trimLog } from './trimForMemory';
import type { LogRow, StoredLog } from './types';

const LOGS_KEPT = 5000;
const LOG_BYTES_KEPT = 32 * 1024 * 1024;

/** What the logs view can be narrowed to. */
export interface LogFilter {
  level?: string;
  traceId?: string;
  text?: string;
}

/**
 * The recent logs as rows, bounded in count and bytes (the oldest rows go first). A record that arrives a
 * second time by another way (the DSN, then Loki, or the reverse) joins the row of its first copy.
 */
export function createLogRows() {
  const rows: LogRow[] = [];
  const sizes = new WeakMap<LogRow, number>();
  const byKey = new Map<string, LogRow[]>();
  let bytes = 0;

  function forget(row: LogRow): void {
    bytes -= sizes.get(row) ?? 0;
    const key = logRecordKey(row);
    const same = byKey.get(key)?.filter((other) => other !== row) ?? [];
    if (same.length > 0) byKey.set(key, same);
    else byKey.delete(key);
  }

  return {
    /** Adds a log that took `lineBytes` on disk; returns its row and whether it joined an existing one. */
    add(log: StoredLog, lineBytes: number): { row: LogRow; merged: boolean } {
      const key = logRecordKey(log);
      const size = Math.min(lineBytes, MAX_LOG_BYTES);
      const same = byKey.get(key) ?? [];
      const first = same.find((row) => !row.sources.includes(log.source));
      if (first) {
        first.sources.push(log.source);
        first.service ??= serviceOf(log);
        first.requestId ??= log.requestId;
        // The second copy's extra attributes (Loki's labels, say) are shown too; the first copy's values win.
        if (lineBytes <= MAX_LOG_BYTES) first.attributes = { ...log.attributes, ...first.attributes };
        sizes.set(first, (sizes.get(first) ?? 0) + size);
        bytes += size;
        return { row: first, merged: true };
      }
      const row: LogRow = { ...trimLog(log, lineBytes), sources: [log.source], service: serviceOf(log) };
      sizes.set(row, size);
      bytes += size;
      rows.push(row);
      byKey.set(key, [...same, row]);
      while (rows.length > LOGS_KEPT || (bytes > LOG_BYTES_KEPT && rows.length > 1)) forget(rows.shift()!);
      return { row, merged: false };
    },
    list(filter: LogFilter = {}): LogRow[] {
      const text = filter.text?.toLowerCase();
      return rows.filter(
        (row) =>
          (!filter.level || row.level === filter.level) &&
          (!filter.traceId || row.traceId === filter.traceId) &&
          (!text || `${row.body} ${JSON.stringify(row.attributes)}`.toLowerCase().includes(text)),
      );
    },
    get size(): number {
      return rows.length;
    },
  };
}

function serviceOf(log: StoredLog): string | undefined {
  // Records stored before the receiver kept `service` name it among their attributes or Loki labels.
  const { attributes } = log;
  const labels = attributes.labels as Record<string, unknown> | undefined;
  const service = log.service ?? attributes['service.name'] ?? labels?.service_name;
  return typeof service === 'string' && service !== '' ? service : undefined;
}
