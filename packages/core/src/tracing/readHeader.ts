/** Incoming headers as Node gives them, as a fetch `Headers`, or as a plain record. */
export type HeadersLike = { get(name: string): string | null } | Record<string, string | string[] | undefined | null>;

/** Reads one header case-insensitively from any headers shape; the first value of a list. */
export function readHeader(headers: HeadersLike | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const record = headers as Record<string, string | string[] | undefined | null>;
  const lower = name.toLowerCase();
  for (const key in record) {
    if (key.toLowerCase() !== lower) continue;
    const value = record[key];
    return (Array.isArray(value) ? value[0] : value) ?? undefined;
  }
  return undefined;
}
