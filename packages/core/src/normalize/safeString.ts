/** Shortens `value` to `max` characters, marking the cut with an ellipsis. */
export function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}

/** Converts anything to a string without ever throwing (Symbols, throwing `toString`, revoked Proxies). */
export function safeString(value: unknown, max = 1024): string {
  try {
    if (typeof value === 'string') return truncate(value, max);
    if (typeof value === 'function') return `[Function: ${value.name || '<anonymous>'}]`;
    return truncate(String(value), max);
  } catch {
    try {
      return `[${Object.prototype.toString.call(value)}]`;
    } catch {
      return '[unprintable value]';
    }
  }
}

/** Reads `object[key]`, returning `fallback` when the read throws (getters, Proxies). */
export function safeGet(object: unknown, key: PropertyKey, fallback?: unknown): unknown {
  try {
    return (object as Record<PropertyKey, unknown>)[key];
  } catch {
    return fallback;
  }
}
