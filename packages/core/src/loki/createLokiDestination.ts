import type { Envelope } from '../envelope/types';
import { debugLogger } from '../debugLogger';
import type { Event } from '../types';
import { fitEventToSize } from '../transports/fitEventToSize';
import { gzip } from '../transports/gzip';
import type { Destination, EncodedEnvelope } from '../transports/types';
import { fitLokiLine, LOKI_MAX_LINE_BYTES } from './fitLokiLine';
import { lokiEntriesFromLogs } from './lokiEntriesFromLogs';
import { lokiEntriesFromSessions } from './lokiEntriesFromSessions';
import { lokiEntryFromEvent } from './lokiEntryFromEvent';
import type { LokiEntry, SerializedLog } from './types';
import { validateLokiLabels } from './validateLokiLabels';

export interface LokiOptions {
  /** The push endpoint, e.g. `https://logs.example.com/loki/api/v1/push` (or a same-origin tunnel). */
  url: string;
  /** The `service_name` label; default `unknown_service`. */
  service?: string;
  /** Extra static, low-cardinality labels (validated against Loki's rules and its 15-label limit). */
  labels?: Record<string, string>;
  /** Sent as `X-Scope-OrgID` for multi-tenant Loki. */
  tenantId?: string;
  basicAuth?: { username: string; password: string };
  bearerToken?: string;
  headers?: Record<string, string>;
  /** Gzip bodies over 32 KiB (default true). */
  gzip?: boolean;
  /** The `source` label (which SDK wrote the line); set by the platform package. */
  source?: string;
}

const GZIP_THRESHOLD = 32 * 1024;
// Loki refuses samples older than its reject_old_samples_max_age (7 days by default): stop an hour before.
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000 - 60 * 60 * 1000;

/**
 * Pushes events and logs to Loki as JSON lines: few low-cardinality labels, identifiers in structured
 * metadata, nanosecond timestamps fixed at capture, lines within Loki's size limit. A 400 (which Loki
 * may send for a partial success) is final and never retried.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createLokiDestination(options: LokiOptions): Destination {
  const { labels, problems } = validateLokiLabels(options.labels);
  if (problems.length > 0) debugLogger.configProblem(`Loki labels left out:\n  - ${problems.join('\n  - ')}`);
  const service = options.service ?? 'unknown_service';
  const source = options.source ?? 'faultline';
  return {
    name: 'loki',
    sendsClientReports: false,
    url: options.url,
    headers: { 'Content-Type': 'application/json', ...authHeaders(options), ...options.headers },
    isPermanent: (status) => status === 400,
    maxAgeMs: MAX_AGE_MS,
    // Synchronous unless it compresses: a process exiting (`sync`) journals the line uncompressed.
    encode(envelope, how): EncodedEnvelope | undefined | Promise<EncodedEnvelope | undefined> {
      const entries = entriesOf(envelope, service);
      if (entries.length === 0) return undefined;
      const body = JSON.stringify({ streams: toStreams(entries, { ...labels, service_name: service, source }) });
      if (how?.sync || options.gzip === false || body.length < GZIP_THRESHOLD) return { body };
      return gzip(body).then((compressed) =>
        compressed ? { body: compressed, headers: { 'Content-Encoding': 'gzip' } } : { body },
      );
    },
  };
}

function entriesOf(envelope: Envelope, service: string): LokiEntry[] {
  const entries: LokiEntry[] = [];
  for (const [headers, payload] of envelope[1]) {
    if (headers.type === 'event') {
      // Trim the event first (keeps the exception), then the line itself if it is still too long.
      const event = JSON.parse(fitEventToSize(payload as Event, LOKI_MAX_LINE_BYTES - 8 * 1024)) as Event;
      entries.push(lokiEntryFromEvent(event, service));
    } else if (headers.type === 'log') {
      entries.push(...lokiEntriesFromLogs(payload as { items?: SerializedLog[] }, service));
    } else if (headers.type === 'session' || headers.type === 'sessions') {
      entries.push(...lokiEntriesFromSessions(headers.type, payload, service));
    }
  }
  return entries;
}

type Stream = { stream: Record<string, string>; values: [string, string, Record<string, string>][] };

function toStreams(entries: LokiEntry[], staticLabels: Record<string, string>): Stream[] {
  const streams = new Map<string, Stream>();
  for (const entry of entries) {
    const key = `${entry.environment}\u0000${entry.level}`;
    let stream = streams.get(key);
    if (!stream) {
      stream = { stream: { ...staticLabels, environment: entry.environment, level: entry.level }, values: [] };
      streams.set(key, stream);
    }
    stream.values.push([entry.timestampNs, fitLokiLine(entry.line), entry.metadata]);
  }
  return [...streams.values()];
}

function authHeaders(options: LokiOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.tenantId) headers['X-Scope-OrgID'] = options.tenantId;
  if (options.bearerToken) headers.Authorization = `Bearer ${options.bearerToken}`;
  else if (options.basicAuth) {
    headers.Authorization = `Basic ${base64(`${options.basicAuth.username}:${options.basicAuth.password}`)}`;
  }
  return headers;
}

/** Base64 of the UTF-8 bytes of `text` (btoa alone only takes Latin-1). */
function base64(text: string): string {
  const binary = encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
  return (globalThis as unknown as { btoa(data: string): string }).btoa(binary);
}
