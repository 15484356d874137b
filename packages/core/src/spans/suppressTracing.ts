/**
 * Runs `callback` and returns what it returns. In Sentry it keeps spans from being made inside; Faultline
 * makes no spans to keep out, so there is nothing else to do.
 */
export function suppressTracing<T>(callback: () => T): T {
  return callback();
}
