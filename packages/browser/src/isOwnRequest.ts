import { getClient, getOwnRequestPrefixes } from '@faultline/core';

/** True for requests the SDK itself makes (relative URLs resolved against the page): never recorded or traced. */
export function isOwnRequest(url: string): boolean {
  const client = getClient();
  if (!client) return false;
  const absolute = toAbsolute(url);
  return getOwnRequestPrefixes(client).some(
    (prefix) => url.startsWith(prefix) || absolute.startsWith(toAbsolute(prefix)),
  );
}

function toAbsolute(url: string): string {
  try {
    return new URL(url, location.href).href;
  } catch {
    return url;
  }
}
