import { getEventFingerprint } from '../fingerprint';
import type { Event, Exception } from '../types';
import { lokiLevel, secondsToNs, stringMetadata } from './lokiFields';
import type { LokiEntry } from './types';

/**
 * An error event as one Loki line: timestamp, level, service, message, attributes, exception (type,
 * value, stack) and fingerprint. Identifiers go to structured metadata, never to labels.
 */
export function lokiEntryFromEvent(event: Event, service: string): LokiEntry {
  const values = event.exception?.values ?? [];
  const main = values[values.length - 1];
  const timestamp = event.timestamp ?? Date.now() / 1000;
  const trace = event.contexts?.trace as { trace_id?: string; span_id?: string } | undefined;
  const { trace: _trace, faultline, ...contexts } = event.contexts ?? {};
  const { request_id: requestId, ...tags } = event.tags ?? {};
  const attributes: Record<string, unknown> = { ...tags };
  if (event.extra && Object.keys(event.extra).length > 0) attributes.extra = event.extra;
  if (Object.keys(contexts).length > 0) attributes.contexts = contexts;
  if (event.user?.id !== undefined) attributes.user_id = event.user.id;
  if (event.request?.url) attributes.url = event.request.url;
  if (faultline) attributes.faultline = faultline;
  const line: Record<string, unknown> = {
    timestamp: new Date(timestamp * 1000).toISOString(),
    level: lokiLevel(event.level),
    service,
    message: event.message ?? (main ? `${main.type}: ${main.value}` : ''),
    attributes,
  };
  if (main) {
    line.exception = {
      type: main.type,
      value: main.value,
      stack: stackText(main),
      ...(values.length > 1
        ? {
            causes: values
              .slice(0, -1)
              .reverse()
              .map(({ type, value }) => ({ type, value })),
          }
        : {}),
    };
  }
  line.fingerprint = getEventFingerprint(event);
  return {
    timestampNs: secondsToNs(timestamp),
    level: lokiLevel(event.level),
    environment: event.environment ?? 'production',
    line,
    metadata: stringMetadata({
      trace_id: trace?.trace_id,
      span_id: trace?.span_id,
      request_id: requestId,
      event_id: event.event_id,
      release: event.release,
    }),
  };
}

/** A V8-style stack, newest frame first, as people read them in logs. */
function stackText(exception: Exception): string {
  const frames = exception.stacktrace?.frames ?? [];
  const lines = [`${exception.type}: ${exception.value}`];
  for (let i = frames.length - 1; i >= 0; i--) {
    const { function: fn, filename, lineno, colno } = frames[i]!;
    const location = `${filename ?? '<unknown>'}${lineno === undefined ? '' : `:${lineno}`}${colno === undefined ? '' : `:${colno}`}`;
    lines.push(fn && fn !== '?' ? `    at ${fn} (${location})` : `    at ${location}`);
  }
  return lines.join('\n');
}
