/** Log severities, lowest first (OpenTelemetry's names). */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** A typed attribute value, as Sentry's log protocol carries it. */
export type LogAttributeValue =
  | { value: string; type: 'string' }
  | { value: number; type: 'integer' }
  | { value: number; type: 'double' }
  | { value: boolean; type: 'boolean' };

/** A log record as sent (Sentry `log` item payload entry): https://develop.sentry.dev/sdk/telemetry/logs/ */
export interface SerializedLog {
  /** Seconds since the epoch, fixed at the logger call. */
  timestamp: number;
  level: LogLevel | string;
  body: string;
  trace_id?: string;
  severity_number?: number;
  attributes?: Record<string, { value: unknown; type: string }>;
}
