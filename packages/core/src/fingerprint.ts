import type { Event, StackFrame } from './types';

const cache = new WeakMap<Event, string>();

/**
 * A stable grouping key for an event: the exception type plus its in-app frames (function and module, or
 * file without origin, query string or content hash; no line numbers, except that an anonymous function
 * is told apart by its source line, or line and column without one), or the message. Used by the storm
 * guard, Loki lines and `faultline dev`; Sentry's own grouping is left alone. Computed once per event:
 * call it after the integrations that add context lines.
 */
export function getEventFingerprint(event: Event): string {
  let fingerprint = cache.get(event);
  if (fingerprint === undefined) {
    fingerprint = hashString(fingerprintSource(event));
    cache.set(event, fingerprint);
  }
  return fingerprint;
}

function fingerprintSource(event: Event): string {
  if (event.fingerprint?.length && !event.fingerprint.includes('{{ default }}')) {
    return `custom|${event.fingerprint.join('|')}`;
  }
  const values = event.exception?.values;
  const main = values?.[values.length - 1];
  if (!main) return `message|${event.message ?? ''}`;
  const frames = main.stacktrace?.frames ?? [];
  const inApp = frames.filter((frame) => frame.in_app);
  const chosen = (inApp.length > 0 ? inApp : frames).map(frameKey);
  // Without any frame, the value is all there is to tell two errors apart.
  return `${main.type}|${chosen.length > 0 ? chosen.join(';') : main.value}`;
}

// `?`, `<anonymous>`, and a receiver's anonymous method (`Server.<anonymous>`, Sentry's `Server.?`).
const ANONYMOUS = /(^|\.)(\?|<anonymous>)$/;

function frameKey(frame: StackFrame): string {
  // The module (Node: the path from the app root) survives a release deployed to a new folder.
  const file = frame.module ?? normalizeFilename(frame.filename ?? '');
  const name = frame.function;
  if (name && !ANONYMOUS.test(name)) return `${name}@${file}`;
  // Anonymous functions (inline route handlers, callbacks) share one name, so their site tells them apart:
  // the source line survives releases that only move other lines; without it, line and column do.
  const context = frame.context_line?.trim();
  return `?@${file}#${context ? context : `${frame.lineno ?? ''}:${frame.colno ?? ''}`}`;
}

/** Strips origin, query, hash and build hashes (`app.3f9a1c2b.js` → `app.js`) from a file name. */
export function normalizeFilename(filename: string): string {
  return filename
    .replace(/[?#].*$/, '')
    .replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '')
    .replace(/[.-][0-9a-f]{8,}(?=\.)/gi, '');
}

/** A fast 64-bit (two 32-bit lanes) string hash as 16 hex characters; not cryptographic. */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
