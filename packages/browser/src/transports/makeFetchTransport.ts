import {
  makeDeliveryTransport,
  type DeliveryTransportOptions,
  type MakeRequest,
  type TransportFactory,
} from '@faultline/core';

// Browsers cap the bodies of all in-flight keepalive requests at 64 KiB together; stay under it.
const KEEPALIVE_BUDGET_BYTES = 60 * 1024;

/**
 * Delivery over `fetch`: `keepalive` while the page's budget allows (so a request survives navigation),
 * plain fetch beyond it. Uses the `fetch` of the moment the transport is made, before any integration
 * wraps it, so the SDK never records or traces its own traffic.
 */
export function makeFetchTransport(options: DeliveryTransportOptions = {}): TransportFactory {
  return (transportOptions) => {
    const nativeFetch = globalThis.fetch.bind(globalThis);
    let keepaliveBytes = 0;
    const makeRequest: MakeRequest = async ({ url, headers, body, signal }) => {
      const size = typeof body === 'string' ? body.length : body.byteLength;
      const keepalive = keepaliveBytes + size <= KEEPALIVE_BUDGET_BYTES;
      if (keepalive) keepaliveBytes += size;
      try {
        const response = await nativeFetch(url, {
          method: 'POST',
          headers,
          body: body as BodyInit,
          keepalive,
          signal: signal as AbortSignal | undefined,
          referrerPolicy: 'strict-origin',
        });
        return {
          statusCode: response.status,
          headers: {
            'retry-after': response.headers.get('Retry-After'),
            'x-sentry-rate-limits': response.headers.get('X-Sentry-Rate-Limits'),
          },
        };
      } finally {
        if (keepalive) keepaliveBytes -= size;
      }
    };
    return makeDeliveryTransport(makeRequest, options)(transportOptions);
  };
}

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
  try {
    return navigator.sendBeacon(
      request.url,
      new Blob([request.body as BlobPart], { type: contentType ?? 'text/plain' }),
    );
  } catch {
    return false;
  }
}
