// Its own file: the entry's page-hide path needs it, and must not bring the transport with it.

/**
 * `navigator.sendBeacon` for a page that is going away. Beacons cannot carry headers, so a body that needs
 * them (a gzipped one) is declined and stays queued for the next page load.
 */
export function sendBeacon(request: {
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
}): boolean {
  const { 'Content-Type': contentType, ...rest } = request.headers;
  if (Object.keys(rest).length > 0 || typeof navigator === 'undefined' || !navigator.sendBeacon) return false;
  // Offline, a beacon is queued and lost; the entry is better kept for the next page load.
  if (navigator.onLine === false) return false;
  try {
    return navigator.sendBeacon(
      request.url,
      new Blob([request.body as BlobPart], { type: contentType ?? 'text/plain' }),
    );
  } catch {
    return false;
  }
}
