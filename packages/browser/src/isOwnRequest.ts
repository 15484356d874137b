import { getClient, getEnvelopeEndpoint } from '@faultline/core';
import type { BrowserOptions } from './browserOptions';

/** True for requests the SDK itself makes (DSN ingest, tunnel, Loki): never recorded, never traced. */
export function isOwnRequest(url: string): boolean {
  const client = getClient();
  if (!client) return false;
  const options = client.getOptions() as BrowserOptions;
  const dsn = client.getDsn();
  const own = [
    options.tunnel,
    dsn && getEnvelopeEndpoint(dsn, client.getSdkInfo()).split('?')[0],
    ...(options.delivery?.destinations ?? []).map((destination) => destination.url),
  ];
  const absolute = toAbsolute(url);
  return own.some(
    (prefix) => prefix !== undefined && (url.startsWith(prefix) || absolute.startsWith(toAbsolute(prefix))),
  );
}

function toAbsolute(url: string): string {
  try {
    return new URL(url, location.href).href;
  } catch {
    return url;
  }
}
