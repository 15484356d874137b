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
import { request } from 'undici';
import { answerBody } from './answerBody';
import { createNodeDispatcher } from './createNodeDispatcher';

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
 * Requests in flight at once per destination. A storm of 2,000 errors/s to a receiver answering in 50 ms
 * needs 100 (Little's law); 32 drained 640/s and the queue filled. Over HTTP/2 (offered by ALPN, as Sentry's
 * ingest does) they share one connection (100 streams, the common servers' limit); over HTTP/1.1 each takes
 * a connection of the pool.
 */
const NODE_CONCURRENCY = 100;

/**
 * Delivery with undici: one keep-alive agent (pooling connections per origin; HTTP/2 multiplexed where the
 * destination offers it), `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` honoured, bodies over 32 KiB gzipped,
 * with core's queue, retries and limits.
 * The SDK's requests go through undici directly, so they never reach its own instrumentation. An answer is
 * a delivery (or not) by its status as soon as its headers arrive; its body is drained in the background.
 * Its sockets never keep the process alive: after a flush settles, a script ends when its own work does.
 * Passed itself as `transport` (Sentry's `transport: makeNodeTransport`), it is the transport factory.
 */
export function makeNodeTransport(options: TransportOptions): Transport;
export function makeNodeTransport(options?: DeliveryTransportOptions): TransportFactory;
export function makeNodeTransport(
  options: DeliveryTransportOptions | TransportOptions = {},
): TransportFactory | Transport {
  // `transport: makeNodeTransport`, as Sentry's docs write it: called as the factory itself.
  if ('recordDroppedEvent' in options) return makeNodeTransport()(options);
  const dispatchers = createNodeDispatcher({ connections: NODE_CONCURRENCY });
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
      dispatcher: dispatchers.dispatcherFor(url),
      signal: signal as AbortSignal | undefined,
      // An envelope may be sent twice (receivers de-duplicate by event_id): so undici multiplexes POSTs on
      // an HTTP/2 connection, which it does only for requests it may retry.
      idempotent: true,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    // Decided on the status: a 200 whose body drips is delivered now, its body drained in the background. A
    // refusal's reason (a few KB at most, what arrives within 2 s) is quoted in the sentence it gets.
    const reason =
      response.statusCode >= 300 ? await answerBody.reason(response.body) : answerBody.discard(response.body);
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
  return makeDeliveryTransport(makeRequest, {
    concurrency: NODE_CONCURRENCY,
    ...options,
    queue: { ...NODE_QUEUE_LIMITS, ...options.queue },
  });
}
