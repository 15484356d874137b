import { debugLogger } from '../debugLogger';
import { classifyStatus } from './backoff';
import type { MakeRequest } from './types';

/** Longest part of a receiver's reason quoted, in characters. */
const MAX_REASON_CHARS = 200;
const MAX_IDS = 20;
const EVENT_ID = /"event_id":"([0-9a-f]{32})"/g;
/** What `JSON.stringify` leaves as it is but a terminal may act on: DEL, C1 controls, line and bidi marks. */
const UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `makeRequest`, saying when `destination` rejects what it is sent for good (a 4xx other than 408/429, or
 * a status the destination calls final: Loki's 400). The sentence is printed even without `debug`, once per
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
      if ((status < 200 || status >= 300) && classifyStatus(status, isPermanent) === 'permanent') {
        const debug = debugLogger.isEnabled();
        if (debug || !told.has(status)) {
          told.add(status);
          const said = `${destination} rejected an envelope with HTTP ${status}: ${quoteReason(response.body)}. It is dropped, not retried (counted as send_error)`;
          debugLogger.notice(
            debug
              ? `${said}; event ids: ${eventIdsIn(request.body)}.`
              : `${said}. Said once per status; with debug: true each rejected envelope is named by its event ids.`,
          );
        }
      }
      return response;
    });
}

/** A receiver's reason as one safe line: at most ~200 characters, quoted, control characters escaped. */
export function quoteReason(text: string | undefined): string {
  const reason = text?.trim();
  if (!reason) return '(no reason given)';
  const cut = reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS)}…` : reason;
  // JSON.stringify escapes quotes, backslashes and C0 controls (an ESC becomes \u001b).
  return JSON.stringify(cut).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The event ids a body carries (a Sentry envelope's header, Loki's structured metadata). */
function eventIdsIn(body: string | Uint8Array): string {
  if (typeof body !== 'string') return 'unknown (compressed body)';
  const ids = [...new Set(Array.from(body.matchAll(EVENT_ID), (match) => match[1]))];
  if (ids.length === 0) return 'none (no event in it)';
  return ids.length > MAX_IDS ? `${ids.slice(0, MAX_IDS).join(', ')} and ${ids.length - MAX_IDS} more` : ids.join(', ');
}
