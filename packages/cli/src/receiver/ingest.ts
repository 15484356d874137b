import { parseEnvelope, type Event, type SerializedLog } from '@faultline/core';
import type { ReceiverStore } from './createReceiverStore';

/** Stores what a Sentry envelope carries; returns the events (for printing). */
export function ingestEnvelope(body: string, store: ReceiverStore): Event[] {
  const events: Event[] = [];
  for (const [headers, payload] of parseEnvelope(body)[1]) {
    if (headers.type === 'event') events.push(payload as Event);
    else if (headers.type === 'log') {
      for (const log of (payload as { items?: SerializedLog[] }).items ?? []) {
        const attributes = Object.fromEntries(Object.entries(log.attributes ?? {}).map(([k, v]) => [k, v.value]));
        store.addLog({
          timestamp: log.timestamp * 1000,
          level: String(log.level),
          body: log.body,
          traceId: log.trace_id,
          requestId: typeof attributes.request_id === 'string' ? attributes.request_id : undefined,
          attributes,
          source: 'sentry',
        });
      }
    } else if (headers.type === 'client_report') store.addClientReport(payload);
  }
  return events;
}

interface LokiPush {
  streams?: { stream?: Record<string, string>; values?: [string, string, Record<string, string>?][] }[];
}

/** Stores each line of a Loki push as a log (lines are the JSON objects Faultline writes, or plain text). */
export function ingestLoki(body: string, store: ReceiverStore): number {
  const push = JSON.parse(body) as LokiPush;
  if (!Array.isArray(push.streams)) throw new Error('not a Loki push: no streams');
  let count = 0;
  for (const { stream = {}, values = [] } of push.streams) {
    for (const [ns, line, metadata = {}] of values) {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        parsed = { message: line };
      }
      store.addLog({
        timestamp: Number(BigInt(ns) / 1_000_000n),
        level: String(parsed.level ?? stream.level ?? 'info'),
        body: String(parsed.message ?? ''),
        traceId: metadata.trace_id,
        requestId: metadata.request_id,
        attributes: {
          ...(parsed.attributes as object),
          labels: stream,
          ...(parsed.exception ? { exception: parsed.exception } : {}),
        },
        source: 'loki',
      });
      count++;
    }
  }
  return count;
}
