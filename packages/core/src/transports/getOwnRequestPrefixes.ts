import type { Client } from '../client/types';
import { getEnvelopeEndpoint } from '../dsn';
import type { Destination } from './types';

/**
 * The URL prefixes of the SDK's own requests (the DSN's ingest path, the tunnel, extra destinations
 * and a `loki` option), so platform integrations never record or trace them.
 */
export function getOwnRequestPrefixes(client: Client): string[] {
  const options = client.getOptions() as {
    tunnel?: string;
    loki?: { url?: string };
    delivery?: { destinations?: Destination[] };
  };
  const dsn = client.getDsn();
  const prefixes = [
    options.tunnel,
    options.loki?.url,
    dsn && getEnvelopeEndpoint(dsn, client.getSdkInfo()).split('?')[0],
    ...(options.delivery?.destinations ?? []).map((destination) => destination.url),
  ];
  return prefixes.filter((prefix): prefix is string => typeof prefix === 'string' && prefix !== '');
}
