import { getClient, getEnvelopeEndpoint, type Destination } from '@faultline/core';

/** True for requests the SDK itself makes (DSN ingest, tunnel, extra destinations): never recorded or traced. */
export function isOwnRequest(url: string): boolean {
  const client = getClient();
  if (!client) return false;
  const options = client.getOptions() as {
    tunnel?: string;
    delivery?: { destinations?: Destination[] };
    loki?: { url: string };
  };
  const dsn = client.getDsn();
  const own = [
    options.tunnel,
    options.loki?.url,
    dsn && getEnvelopeEndpoint(dsn, client.getSdkInfo()).split('?')[0],
    ...(options.delivery?.destinations ?? []).map((destination) => destination.url),
  ];
  return own.some((prefix) => prefix !== undefined && url.startsWith(prefix));
}
