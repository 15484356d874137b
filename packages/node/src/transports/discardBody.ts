import type { Dispatcher } from 'undici';

/** A receiver's answer body is a few bytes of JSON: more than this is not read, the connection is closed. */
const DRAIN_LIMIT_BYTES = 64 * 1024;
/** A body still arriving after this (a receiver that drips it) is given up, and its connection with it. */
const DRAIN_MS = 2000;

/**
 * Reads an answer's body to its end in the background and discards it, so that its keep-alive connection
 * can carry the next request; the delivery was decided on the status already, so nothing waits for this.
 * Bounded in bytes and in time (its timer unref'd): a body that drips or never ends closes its connection.
 */
export function discardBody(body: Dispatcher.ResponseData['body']): void {
  body.dump({ limit: DRAIN_LIMIT_BYTES, signal: AbortSignal.timeout(DRAIN_MS) }).catch(() => undefined);
}
