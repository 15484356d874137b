import type { Transport, TransportOptions } from '../client/types';
import { SDK_VERSION } from '../constants';
import { getEnvelopeEndpoint, parseDsn } from '../dsn';
import type { Envelope, ItemType } from '../envelope/types';
import type { Event } from '../types';

type Route = string | { dsn: string; release?: string };
type Matcher = (args: { envelope: Envelope; getEvent(types?: ItemType[]): Event | undefined }) => Route[];

/**
 * Sentry's `makeMultiplexedTransport(makeFetchTransport, matcher)`: each envelope goes to the DSNs the
 * matcher names for its event (with the release given there), or to the client's own DSN when it names
 * none. One transport per DSN, each with Faultline's queue, retries and journal.
 */
export function makeMultiplexedTransport<O extends TransportOptions>(
  makeTransport: ((options: O) => Transport) | ((options?: never) => (options: O) => Transport),
  matcher: Matcher,
): (options: O) => Transport {
  // Faultline's `makeFetchTransport` / `makeNodeTransport` return the factory: called once more, as init does.
  const createTransport = (options: O): Transport => {
    const made = makeTransport(options as never);
    return typeof made === 'function' ? made(options) : made;
  };
  return (options) => {
    const fallback = createTransport(options);
    const byDsn = new Map<string, Transport | undefined>();
    const transportFor = (dsn: string): Transport | undefined => {
      if (!byDsn.has(dsn)) {
        const parsed = parseDsn(dsn);
        byDsn.set(
          dsn,
          typeof parsed === 'string'
            ? undefined
            : createTransport({
                ...options,
                dsn: parsed,
                url: getEnvelopeEndpoint(parsed, { name: 'faultline.javascript', version: SDK_VERSION }),
              }),
        );
      }
      return byDsn.get(dsn);
    };
    const all = (): Transport[] => [fallback, ...[...byDsn.values()].filter((t): t is Transport => t !== undefined)];
    return {
      async send(envelope) {
        const getEvent = (types: ItemType[] = ['event']) =>
          envelope[1].find(([header]) => types.includes(header.type))?.[1] as Event | undefined;
        let routes: Route[] = [];
        try {
          routes = matcher({ envelope, getEvent });
        } catch {
          // a matcher that throws sends to the client's own DSN
        }
        const targets = routes
          .map((route) => (typeof route === 'string' ? { dsn: route } : route))
          .map(({ dsn, release }) => ({ transport: transportFor(dsn), release }))
          .filter((target): target is { transport: Transport; release: string | undefined } => !!target.transport);
        if (targets.length === 0) return fallback.send(envelope);
        const results = await Promise.all(
          targets.map(({ transport, release }) => transport.send(release ? withRelease(envelope, release) : envelope)),
        );
        return results[0];
      },
      async flush(timeout) {
        return (await Promise.all(all().map((transport) => transport.flush(timeout)))).every(Boolean);
      },
      async close(timeout) {
        return (
          await Promise.all(all().map((transport) => transport.close?.(timeout) ?? transport.flush(timeout)))
        ).every(Boolean);
      },
    };
  };
}

function withRelease(envelope: Envelope, release: string): Envelope {
  return [
    envelope[0],
    envelope[1].map(([header, payload]) =>
      header.type === 'event' ? [header, { ...(payload as Event), release }] : [header, payload],
    ),
  ];
}
