import { getCarrier } from '../carrier';
import { debugLogger } from '../debugLogger';
import { classifyStatus } from './backoff';
import type { MakeRequest } from './types';

// Replaced by bundlers: production builds leave out the explanation after the facts.
declare const process: { env: { NODE_ENV?: string } };

const EVENT_ID = /"event_id":"([0-9a-f]{32})"/g;
/** What `JSON.stringify` leaves as it is but a terminal may act on: DEL, C1 controls, line and bidi marks. */
const UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `makeRequest`, saying when `destination` rejects what it is sent for good (a 4xx other than 408/429, or
 * a status the destination calls final: Loki's 400). The line is printed even without `debug`, once per
 * status for this destination, and names the status and the receiver's reason; with `debug: true`, every
 * rejected envelope gets its line, with the event ids it carried. (The transport counts the envelope as
 * `send_error`.) Other answers, and failures, pass through unremarked.
 */
export function noticeRejections(
  makeRequest: MakeRequest,
  destination: string,
  isPermanent?: (statusCode: number) => boolean,
): MakeRequest {
  const told = new Set<number>();
  return (request) =>
    Promise.resolve(makeRequest(request)).then((response) => {
      const status = response.statusCode;
      const debug = getCarrier().debug;
      const rejected = (status < 200 || status > 299) && classifyStatus(status, isPermanent) === 'permanent';
      if (rejected && (debug || !told.has(status))) {
        told.add(status);
        debugLogger.configProblem(
          `${destination} rejected an envelope: HTTP ${status} ${quoteReason(response.body)}; dropped, not retried (send_error)${
            debug
              ? `; event ids: ${eventIdsIn(request.body)}`
              : process.env.NODE_ENV !== 'production'
                ? '. Said once per status; debug: true names the event ids of each rejected envelope'
                : ''
          }`,
        );
      }
      return response;
    });
}

/** A receiver's reason as one safe line: its first 200 characters, quoted, control characters escaped. */
export function quoteReason(text: string | undefined): string {
  const reason = text?.trim();
  if (!reason) return '(no reason given)';
  // JSON.stringify escapes quotes, backslashes and C0 controls (an ESC becomes \u001b).
  return JSON.stringify(reason.length > 200 ? `${reason.slice(0, 200)}…` : reason).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The event ids a body carries (a Sentry envelope's header, Loki's structured metadata), 20 at most. */
const eventIdsIn = (body: string | Uint8Array): string =>
  typeof body === 'string'
    ? [...new Set(Array.from(body.matchAll(EVENT_ID), (match) => match[1]))].slice(0, 20).join(', ') || 'none'
    : 'unknown (compressed body)';
