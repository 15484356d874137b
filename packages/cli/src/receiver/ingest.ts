import { parseEnvelope, type Event, type SerializedLog } from '@faultline/core';
import type { ReceiverStore } from './createReceiverStore';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Stores what a Sentry envelope carries; returns its events (for printing) and how many logs and session
 * items it stored.
 * Throws when it is not an envelope.
 */
export function ingestEnvelope(
  body: string,
  store: ReceiverStore,
): { events: Event[]; logs: number; sessions: number; reports: number } {
  const events: Event[] = [];
  let logs = 0;
  let sessions = 0;
  let reports = 0;
  const [envelopeHeaders, items] = parseEnvelope(body);
  for (const [headers, payload] of items) {
    if (headers.type === 'event' && isObject(payload)) events.push(payload as Event);
    else if (headers.type === 'log' && isObject(payload)) {
      for (const log of Array.isArray(payload.items) ? (payload.items as SerializedLog[]) : []) {
        if (!isObject(log)) continue;
        const attributes = Object.fromEntries(
          Object.entries(isObject(log.attributes) ? log.attributes : {}).map(([k, v]) => [
            k,
            isObject(v) ? v.value : v,
          ]),
        );
        store.addLog({
          timestamp: Number(log.timestamp) * 1000 || Date.now(),
          level: String(log.level),
          body: String(log.body),
          traceId: optionalString(log.trace_id),
          requestId: optionalString(attributes.request_id),
          attributes,
          source: 'sentry',
          service: optionalString(attributes['service.name']),
        });
        logs++;
      }
    } else if ((headers.type === 'session' || headers.type === 'sessions') && isObject(payload)) {
      store.addSessionItem(headers.type, payload);
      sessions++;
    } else if (headers.type === 'client_report' && isObject(payload)) {
      store.addClientReport({ ...payload, sdk: envelopeHeaders.sdk, release: releaseOf(envelopeHeaders, items) });
      reports++;
    }
  }
  return { events, logs, sessions, reports };
}

/** The release an envelope was sent for: its `trace` header's, else that of an event or session in it. */
function releaseOf(
  headers: Record<string, unknown>,
  items: readonly (readonly [unknown, unknown])[],
): string | undefined {
  const fromTrace = isObject(headers.trace) ? optionalString(headers.trace.release) : undefined;
  if (fromTrace) return fromTrace;
  for (const [, payload] of items) {
    if (!isObject(payload)) continue;
    const release =
      optionalString(payload.release) ?? (isObject(payload.attrs) ? optionalString(payload.attrs.release) : undefined);
    if (release) return release;
  }
  return undefined;
}

/**
 * Stores each line of a Loki push as a log (lines are the JSON objects Faultline writes, or plain text);
 * returns how many. Throws when the body is not a push; skips entries that are not `[ns, line, meta?]`.
 */
export function ingestLoki(body: string, store: ReceiverStore): number {
  const push = JSON.parse(body) as unknown;
  if (!isObject(push) || !Array.isArray(push.streams)) throw new Error('not a Loki push: no streams');
  let count = 0;
  for (const entry of push.streams as unknown[]) {
    const stream = isObject(entry) && isObject(entry.stream) ? entry.stream : {};
    for (const value of isObject(entry) && Array.isArray(entry.values) ? (entry.values as unknown[]) : []) {
      if (!Array.isArray(value) || !/^\d{1,20}$/.test(String(value[0]))) continue;
      const [ns, line, meta] = value as [string, unknown, unknown];
      const metadata = isObject(meta) ? meta : {};
      let parsed: Record<string, unknown>;
      try {
        const json = JSON.parse(String(line)) as unknown;
        parsed = isObject(json) ? json : { message: String(line) };
      } catch {
        parsed = { message: String(line) };
      }
      store.addLog({
        // Milliseconds with the microseconds kept, so this copy and the DSN's share one timestamp (logRecordKey).
        timestamp: Number(BigInt(ns) / 1000n) / 1000,
        level: String(parsed.level ?? stream.level ?? 'info'),
        body: String(parsed.message ?? ''),
        traceId: optionalString(metadata.trace_id),
        requestId: optionalString(metadata.request_id),
        attributes: {
          ...(isObject(parsed.attributes) ? parsed.attributes : {}),
          labels: stream,
          ...(parsed.exception ? { exception: parsed.exception } : {}),
        },
        source: 'loki',
        service: optionalString(parsed.service) ?? optionalString(stream.service_name),
      });
      count++;
    }
  }
  return count;
}
