import {
  captureFeedback,
  dsnToString,
  flush,
  getClient,
  getEnvelopeEndpoint,
  type Dsn,
  type EventHint,
  type FeedbackParams,
} from '@faultline/core';

/** The global object, as Sentry's `WINDOW` (the page's `window`, or a worker's global scope). */
export const WINDOW = globalThis as typeof globalThis & Window;

/** Sentry's key under which `makeMultiplexedTransport` finds routing hints on an event's `extra`. */
export const MULTIPLEXED_TRANSPORT_EXTRA_KEY = 'MULTIPLEXED_TRANSPORT_EXTRA_KEY';

/** `urlOrPath` as an absolute URL on this page's origin (unchanged when it cannot be parsed). */
export function getAbsoluteUrl(urlOrPath: string): string {
  try {
    const path = String(urlOrPath);
    return (path.startsWith('//') ? new URL(`${location.origin}${path}`) : new URL(path, location.origin)).toString();
  } catch {
    return urlOrPath;
  }
}

const BOTS = /bot|crawl|spider|slurp|lighthouse|headlesschrome|pagespeed|bingpreview|facebookexternalhit|embedly/i;

/** Whether this page is loaded by a crawler or an audit tool (by its user agent). */
export function isBotUserAgent(): boolean {
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  return agent ? BOTS.test(agent) : false;
}

/** How Sentry prints browser objects in event data: `[Window]`, `[Document]`, `[HTMLElement: div#id]`. */
export function normalizeStringifyValue(value: unknown): string | undefined {
  if (typeof window !== 'undefined' && value === window) return '[Window]';
  if (typeof document !== 'undefined' && value === document) return '[Document]';
  if (typeof Element !== 'undefined' && value instanceof Element && /^HTML\w*Element$/.test(value.constructor.name)) {
    return `[HTMLElement: ${value.tagName.toLowerCase()}${value.id ? `#${value.id}` : ''}]`;
  }
  return undefined;
}

/** For Sentry's Loader Script: runs `callback` now (this package is already loaded). */
export function onLoad(callback: () => void): void {
  callback();
}

/** For Sentry's Loader Script: nothing to load (this package is already loaded). */
export function forceLoad(): void {}

/**
 * Whether events can leave this page: `'no-client-active'` before `init`, `'no-dsn-configured'` without
 * a DSN, `'sentry-unreachable'` when a request to the ingest URL fails (an ad blocker, a firewall), else
 * undefined.
 */
export async function diagnoseSdkConnectivity(): Promise<
  'no-client-active' | 'no-dsn-configured' | 'sentry-unreachable' | undefined
> {
  const client = getClient();
  if (!client) return 'no-client-active';
  const dsn = client.getDsn();
  if (!dsn) return 'no-dsn-configured';
  const url = client.getOptions().tunnel ?? getEnvelopeEndpoint(dsn, client.getSdkInfo());
  try {
    // An empty envelope: the answer does not matter, only whether a request gets through.
    await fetch(url, { method: 'POST', body: '{}', mode: 'no-cors' });
    return undefined;
  } catch {
    return 'sentry-unreachable';
  }
}

/** Sends user feedback and waits until it is delivered (or `flush` times out); returns its event id. */
export async function sendFeedback(
  params: FeedbackParams,
  hint: EventHint & { includeReplay?: boolean } = {},
): Promise<string> {
  const eventId = captureFeedback(params, hint);
  await flush(2000);
  return eventId;
}

/** Sentry's `makeBrowserOfflineTransport(makeFetchTransport)`: Faultline's fetch transport keeps an IndexedDB queue already. */
export function makeBrowserOfflineTransport<T>(makeTransport: T | undefined = undefined): T | undefined {
  return makeTransport;
}

/** Sentry's user-report envelope (the pre-v8 feedback format): one `user_report` item. */
export function createUserFeedbackEnvelope(
  feedback: { event_id: string; email?: string; name?: string; comments: string },
  options: { metadata?: { sdk?: { name: string; version: string } }; tunnel?: string; dsn?: Dsn },
): [Record<string, unknown>, [{ type: 'user_report' }, typeof feedback][]] {
  const headers: Record<string, string | object> = { event_id: feedback.event_id, sent_at: new Date().toISOString() };
  if (options.metadata?.sdk) headers.sdk = { name: options.metadata.sdk.name, version: options.metadata.sdk.version };
  if (options.tunnel && options.dsn) headers.dsn = dsnToString(options.dsn);
  return [headers, [[{ type: 'user_report' }, feedback]]];
}
