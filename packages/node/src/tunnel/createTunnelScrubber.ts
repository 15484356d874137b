import {
  createScrubber,
  type Envelope,
  type EnvelopeItem,
  type Event,
  type ScrubOptions,
  type SerializedLog,
} from '@faultline/core';

export interface TunnelScrubOptions {
  /** Scrubbing of what browsers send, done again on the server (on by default); `false` turns it off. */
  scrub?: ScrubOptions | false;
  /** Keep IP addresses and `user.email` / `user.ip_address` (default false). */
  sendDefaultPii?: boolean;
}

/**
 * Scrubs, on the server, an envelope a browser sent, with the same scrubber the SDK runs: a browser with
 * scrubbing off, an old SDK or a forged request gets no secret past the tunnel, in a payload or a header. A log attribute that is
 * JSON text (how a browser sends a nested value to Sentry) is read back into its structure first, so its
 * keys are judged at every depth and Loki gets it nested. Undefined with `scrub: false`.
 */
export function createTunnelScrubber(options: TunnelScrubOptions): ((envelope: Envelope) => Envelope) | undefined {
  if (options.scrub === false) return undefined;
  const scrubber = createScrubber(options.scrub ?? {}, options.sendDefaultPii);
  const scrubItem = ([headers, payload]: EnvelopeItem): EnvelopeItem => {
    switch (headers.type as string) {
      case 'event':
      case 'transaction':
        return [headers, scrubber.scrubEvent(payload as Event)];
      case 'log': {
        const items = (payload as { items?: SerializedLog[] }).items;
        if (!Array.isArray(items)) return [headers, scrubber.scrubData(payload)];
        const scrubbed = items.map((log) =>
          typeof log?.body === 'string' ? scrubber.scrubLog(readNested(log)) : scrubber.scrubData(log),
        );
        return [headers, { ...(payload as object), items: scrubbed }];
      }
      case 'client_report':
        return [headers, payload]; // counts of dropped items, nothing else
      case 'session': {
        // A session's id is a random UUID the protocol needs ("sid" is otherwise a sensitive key).
        const { sid } = payload as { sid?: unknown };
        return [headers, { ...(scrubber.scrubData(payload) as object), ...(sid === undefined ? {} : { sid }) }];
      }
      default:
        return [headers, scrubber.scrubData(payload)];
    }
  };
  // Headers are the browser's too (a sampling context's page and user, fields of its own): scrubbed as
  // data. The DSN was checked as it is and stays so; an item's `length` is left out, since scrubbing may
  // change the payload's (the envelope is written one JSON line per payload).
  const envelopeHeaders = (headers: Envelope[0]): Envelope[0] => {
    const out = scrubber.scrubData(headers) as Envelope[0];
    return headers.dsn === undefined ? out : { ...out, dsn: headers.dsn };
  };
  const itemHeaders = ({ length: _length, ...headers }: EnvelopeItem[0]): EnvelopeItem[0] => ({
    ...(scrubber.scrubData(headers) as EnvelopeItem[0]),
    type: headers.type,
  });
  return ([headers, items]) => [
    envelopeHeaders(headers),
    items.map((item) => {
      let scrubbed: EnvelopeItem;
      try {
        scrubbed = scrubItem(item);
      } catch {
        // A payload not shaped as its type says: scrubbed as plain data, never forwarded as it came.
        scrubbed = [item[0], scrubber.scrubData(item[1])];
      }
      return [itemHeaders(scrubbed[0]), scrubbed[1]] as EnvelopeItem;
    }),
  ];
}

/** A log record whose JSON-text attributes (`{…}`, `[…]`) are structured again. */
function readNested(log: SerializedLog): SerializedLog {
  if (typeof log.attributes !== 'object' || log.attributes === null) return log;
  let attributes: SerializedLog['attributes'];
  for (const key in log.attributes) {
    const { value } = log.attributes[key]!;
    if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) continue;
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'object' && parsed !== null) {
        (attributes ??= { ...log.attributes })[key] = { value: parsed, type: 'object' };
      }
    } catch {
      // not JSON after all (or cut at the SDK's length limit): scanned as text
    }
  }
  return attributes ? { ...log, attributes } : log;
}
