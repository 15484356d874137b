/** Loki level values Grafana recognises, from Sentry levels. */
export function lokiLevel(level: string | undefined): string {
  switch (level) {
    case 'fatal':
      return 'fatal';
    case 'warning':
    case 'warn':
      return 'warn';
    case 'log':
    case 'info':
      return 'info';
    case 'debug':
    case 'trace':
    case 'error':
      return level;
    default:
      return 'error';
  }
}

/** Seconds (fractional, as Sentry timestamps are) to Loki's nanosecond string. */
export function secondsToNs(seconds: number): string {
  return `${Math.round(seconds * 1e6)}000`;
}

/** Structured metadata must be strings; absent values are left out. */
export function stringMetadata(fields: Record<string, unknown>): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== '') metadata[key] = String(value);
  }
  return metadata;
}
