/** Log severities, lowest first (OpenTelemetry's names). */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * A typed attribute value. The first four are Sentry's log protocol types. `object` is a nested value
 * (normalized, then scrubbed at every depth) that stays structured until a destination writes it: the Sentry
 * envelope carries it as a JSON `string` (`serializeEnvelope`), a Loki line keeps it as nested JSON.
 */
export type LogAttributeValue =
  | { value: string; type: 'string' }
  | { value: number; type: 'integer' }
  | { value: number; type: 'double' }
  | { value: boolean; type: 'boolean' }
  | { value: Record<string, unknown> | unknown[]; type: 'object' };

/** A log record as sent (Sentry `log` item payload entry): https://develop.sentry.dev/sdk/telemetry/logs/ */
export interface SerializedLog {
  /** Seconds since the epoch, fixed at the logger call. */
  timestamp: number;
  level: LogLevel | string;
  body: string;
  trace_id?: string;
  severity_number?: number;
  /** Typed attributes (see `LogAttributeValue`; nested values are `object` until serialized). */
  attributes?: Record<string, { value: unknown; type: string }>;
}
