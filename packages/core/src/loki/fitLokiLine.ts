import { safeJsonStringify } from '../normalize/safeJsonStringify';
import { truncate } from '../normalize/safeString';
import { fitsInBytes } from '../transports/utf8Length';

/** Loki's default `max_line_size`. */
export const LOKI_MAX_LINE_BYTES = 256 * 1024;

/** Serializes a line within Loki's limit: attributes go first, then the stack and message are shortened. */
export function fitLokiLine(line: Record<string, unknown>, maxBytes = LOKI_MAX_LINE_BYTES): string {
  let json = safeJsonStringify(line);
  if (fitsInBytes(json, maxBytes)) return json;
  const trimmed: Record<string, unknown> = { ...line, attributes: '[trimmed to fit Loki line size]', trimmed: true };
  json = safeJsonStringify(trimmed);
  if (fitsInBytes(json, maxBytes)) return json;
  const exception = line.exception as { stack?: string; value?: string } | undefined;
  if (exception) {
    trimmed.exception = {
      ...exception,
      value: truncate(String(exception.value ?? ''), 4096),
      stack: truncate(String(exception.stack ?? ''), 32 * 1024),
    };
  }
  trimmed.message = truncate(String(line.message ?? ''), 32 * 1024);
  return safeJsonStringify(trimmed);
}
