import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import {
  DEFAULT_QUEUE_LIMITS,
  makeDeliveryTransport,
  type QueueLimits,
  type DeliveryTransportOptions,
  type MakeRequest,
  type Transport,
  type TransportFactory,
  type TransportOptions,
} from '@faultline/core';
import { EnvHttpProxyAgent, request } from 'undici';
import { readBodyExcerpt } from './readBodyExcerpt';

// Replaced at build time with this package's version.
declare const __FAULTLINE_VERSION__: string;

const gzipAsync = promisify(gzip);

/**
 * Sized for servers: a burst of thousands of errors, or an outage of minutes, fits. The journal on disk
 * holds them all; bodies take at most 8 MiB of heap, the rest is read back when its turn comes. (That
 * keeps the SDK's heap within 32 MiB whatever the backlog.)
 */
export const NODE_QUEUE_LIMITS: QueueLimits = {
  ...DEFAULT_QUEUE_LIMITS,
  maxEntries: 10_000,
  maxBytes: 64 * 1024 * 1024,
  maxMemoryBytes: 8 * 1024 * 1024,
};
const GZIP_OVER_BYTES = 32 * 1024;

/**
 * Delivery with undici: one keep-alive agent (pooling connections per origin), `HTTPS_PROXY` /
 * `HTTP_PROXY` / `NO_PROXY` honoured, bodies over 32 KiB gzipped, with core's queue, retries and limits.
 * The SDK's requests go through undici directly, so they never reach its own instrumentation. Passed
 * itself as `transport` (Sentry's `transport: makeNodeTransport`), it is the transport factory.
 */
export function makeNodeTransport(options: TransportOptions): Transport;
export function makeNodeTransport(options?: DeliveryTransportOptions): TransportFactory;
export function makeNodeTransport(
  options: DeliveryTransportOptions | TransportOptions = {},
): TransportFactory | Transport {
  // `transport: makeNodeTransport`, as Sentry's docs write it: called as the factory itself.
  if ('recordDroppedEvent' in options) return makeNodeTransport()(options);
  const dispatcher = new EnvHttpProxyAgent({ keepAliveTimeout: 10_000, connections: 32 });
  const makeRequest: MakeRequest = async ({ url, headers, body, signal }) => {
    let payload: string | Uint8Array = body;
    const outgoing: Record<string, string> = { 'User-Agent': `faultline-node/${__FAULTLINE_VERSION__}`, ...headers };
    if (
      !outgoing['Content-Encoding'] &&
      (typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength) > GZIP_OVER_BYTES
    ) {
      payload = await gzipAsync(body);
      outgoing['Content-Encoding'] = 'gzip';
    }
    const response = await request(url, {
      method: 'POST',
      headers: outgoing,
      body: payload,
      dispatcher,
      signal: signal as AbortSignal | undefined,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    // A refusal's reason (a few KB at most) is quoted in the sentence it gets; any other body is drained.
    const reason = response.statusCode >= 300 ? await readBodyExcerpt(response.body) : await response.body.dump();
    const header = (name: string) => {
      const value = response.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    return {
      statusCode: response.statusCode,
      headers: { 'retry-after': header('retry-after'), 'x-sentry-rate-limits': header('x-sentry-rate-limits') },
      body: reason || undefined,
    };
  };
  return makeDeliveryTransport(makeRequest, { ...options, queue: { ...NODE_QUEUE_LIMITS, ...options.queue } });
}
