import { parseEnvelope } from '@sentry/core';
import type { FixtureServer } from './startFixtureServer';

export interface SessionItem {
  /** Index of the envelope it came in, and the types of that envelope's items. */
  envelope: number;
  types: string[];
  payload: Record<string, any>;
}

/** Every session item received, in order, read from the bodies by @sentry/core's parser. */
export function sessionsOf(server: FixtureServer): SessionItem[] {
  return server.envelopes.flatMap(({ body }, envelope) => {
    const [, items] = parseEnvelope(body);
    const types = items.map(([header]) => String(header.type));
    return items
      .filter(([header]) => header.type === 'session')
      .map(([, payload]) => ({ envelope, types, payload: payload as Record<string, any> }));
  });
}

/** Each update as `init? status/errors`. */
export const states = (items: SessionItem[]): string[] =>
  items.map(({ payload: p }) => `${p.init ? 'init ' : ''}${p.status}/${p.errors}`);

/** The updates of each session (by `sid`), in the order the sessions first appeared. */
export function bySession(items: SessionItem[]): SessionItem[][] {
  const lives = new Map<string, SessionItem[]>();
  for (const item of items) lives.set(item.payload.sid, [...(lives.get(item.payload.sid) ?? []), item]);
  return [...lives.values()];
}
