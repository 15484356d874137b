/** A random 32-character lowercase hex id (a UUID v4 without dashes), as Sentry's `event_id`. */
export function uuid4(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  try {
    // randomUUID exists only in secure contexts in browsers; plain-http pages take the fallback.
    if (crypto?.randomUUID) return crypto.randomUUID().replace(/-/g, '');
  } catch {
    // fall through to Math.random
  }
  const hex = randomHex(32);
  const variant = '89ab'[Math.floor(Math.random() * 4)]!;
  return `${hex.slice(0, 12)}4${hex.slice(13, 16)}${variant}${hex.slice(17)}`;
}

/** `length` random lowercase hex characters (ids only, never secrets). */
export function randomHex(length: number): string {
  let out = '';
  while (out.length < length) {
    out += Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, length);
}
