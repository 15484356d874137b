import type { Client } from '../client/types';
import { envelopeHeaders } from '../envelope/createEventEnvelope';
import { truncate } from '../normalize/safeString';
import { createScrubber, type Scrubber } from '../scrub/createScrubber';
import type { SessionContext } from './types';

/** The session context of `client`, whose options must have a `release` (see `getSessionTracker`). */
export function createSessionContext(client: Client, now: () => number = Date.now): SessionContext {
  const options = client.getOptions();
  let scrubber: Scrubber | undefined;
  return {
    attrs: { release: options.release!, environment: options.environment },
    now,
    distinctId(user) {
      const id = user?.id;
      if (id === undefined || id === null || id === '') return undefined;
      const did = truncate(String(id), 200);
      if (options.scrub === false) return did;
      // Any address form (`a@b.c`, `ada@localhost`, `%40`), even one the scrubber's email pattern lets by in text.
      if (/[^\s@](?:@|%40)[^\s@]/i.test(did)) return undefined;
      scrubber ??= createScrubber(options.scrub ?? {}, options.sendDefaultPii);
      return scrubber.scrubEvent({ user: { id: did } }).user?.id === did ? did : undefined;
    },
    send(items) {
      if (items.length === 0) return;
      const address = { dsn: client.getDsn(), tunnel: options.tunnel, sdk: client.getSdkInfo() };
      void client.sendEnvelope([envelopeHeaders(address), items]);
    },
  };
}
