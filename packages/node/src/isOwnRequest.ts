import { getClient, getOwnRequestPrefixes } from '@faultline/core';

/** True for requests the SDK itself makes: never recorded or traced. */
export function isOwnRequest(url: string): boolean {
  const client = getClient();
  return client !== undefined && getOwnRequestPrefixes(client).some((prefix) => url.startsWith(prefix));
}
