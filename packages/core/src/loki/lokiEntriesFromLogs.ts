import { lokiLevel, secondsToNs, stringMetadata } from './lokiFields';
import type { LokiEntry, SerializedLog } from './types';

// Attributes that become structured metadata or built-in fields rather than line attributes.
const LIFTED = new Set([
  'sentry.release',
  'sentry.environment',
  'sentry.trace.parent_span_id',
  'request_id',
  'service.name',
]);

/** Each log record of a Sentry `log` container as one Loki line (timestamp, level, service, message, attributes). */
export function lokiEntriesFromLogs(payload: { items?: SerializedLog[] }, service: string): LokiEntry[] {
  return (payload.items ?? []).map((log) => {
    const attributes: Record<string, unknown> = {};
    for (const [key, attribute] of Object.entries(log.attributes ?? {})) {
      if (!LIFTED.has(key)) attributes[key] = attribute.value;
    }
    const attribute = (key: string): unknown => log.attributes?.[key]?.value;
    return {
      timestampNs: secondsToNs(log.timestamp),
      level: lokiLevel(log.level),
      environment: String(attribute('sentry.environment') ?? 'production'),
      line: {
        timestamp: new Date(log.timestamp * 1000).toISOString(),
        level: lokiLevel(log.level),
        service: String(attribute('service.name') ?? service),
        message: log.body,
        attributes,
      },
      metadata: stringMetadata({
        trace_id: log.trace_id,
        span_id: attribute('sentry.trace.parent_span_id'),
        request_id: attribute('request_id'),
        release: attribute('sentry.release'),
      }),
    };
  });
}
