import { createHash } from 'node:crypto';

/**
 * The debug ID of a built file: a UUID (version 4 layout) from the SHA-256 of the file and its source map,
 * so the same build always gets the same ID and two files never share one, even with byte-identical maps.
 * The derivation is the one Sentry's `sentry sourcemap inject` uses (and its bundler plugins, on their own
 * input): the first 32 hex digits, `4` as the version digit, and the variant digit picked from `8 9 a b`
 * by the character code of digit 16. So either tool gives the same build the same IDs.
 */
export function debugIdFromContent(code: string, map: string): string {
  const hex = createHash('sha256').update(code).update('\0').update(map).digest('hex');
  const variant = '89ab'[hex.charCodeAt(16) % 4];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
