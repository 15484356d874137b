import { createHash } from 'node:crypto';

/**
 * The debug ID of a built file: a UUID (version 4 layout, RFC 9562 variant) taken from the SHA-256 of the
 * file and its source map, so the same build always gets the same ID and two different files (even with
 * byte-identical maps) never share one. Sentry's servers accept any UUID.
 */
export function debugIdFromContent(code: string, map: string): string {
  const hex = createHash('sha256').update(code).update('\0').update(map).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
