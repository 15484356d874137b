const MAX_UNPARSED_CHARS = 8192;

/**
 * One line pino wrote, as a record. A line that is not JSON (a streamWrite hook's or a formatter's output)
 * becomes an info record of its text, marked `pino.unparsed`, so it is kept in its place, not dropped.
 */
export function parsePinoLine(line: string): Record<string, unknown> {
  try {
    const record: unknown = JSON.parse(line);
    if (typeof record === 'object' && record !== null && !Array.isArray(record))
      return record as Record<string, unknown>;
  } catch {
    // not JSON: kept as text below
  }
  return { level: 30, msg: line.trimEnd().slice(0, MAX_UNPARSED_CHARS), 'pino.unparsed': true };
}
