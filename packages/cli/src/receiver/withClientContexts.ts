import type { Event } from '@faultline/core';
import { parseUserAgent } from './parseUserAgent';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The event as the page shows it: when its request names a User-Agent, the `browser` context (and `os`,
 * or `client_os` when the event already describes the server's OS) is derived from it, as Sentry's
 * ingestion does, and marked `derived_from: 'User-Agent'`. Contexts the SDK sent are never replaced, and
 * the stored event is not changed.
 */
export function withClientContexts(event: Event): Event {
  const headers = isObject(event.request) && isObject(event.request.headers) ? event.request.headers : {};
  const header = Object.entries(headers).find(([name]) => name.toLowerCase() === 'user-agent')?.[1];
  if (typeof header !== 'string') return event;
  const contexts: Record<string, unknown> = isObject(event.contexts) ? { ...event.contexts } : {};
  const { browser, os } = parseUserAgent(header);
  const derived = { derived_from: 'User-Agent' };
  if (browser && !contexts.browser) contexts.browser = { ...browser, ...derived };
  const osKey = contexts.os ? 'client_os' : 'os';
  if (os && !contexts[osKey]) contexts[osKey] = { ...os, ...derived };
  return { ...event, contexts: contexts as Event['contexts'] };
}
