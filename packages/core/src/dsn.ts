import type { Dsn, SdkInfo } from './types';

// Replaced by bundlers: production builds say what is wrong without the explanation.
declare const process: { env: { NODE_ENV?: string } };

// protocol://public_key[:secret]@host[:port]/[path/]project_id — IPv6 hosts in brackets.
const DSN_PATTERN = /^(https?):\/\/([\w-]+)(?::[\w-]*)?@([\w.-]+|\[[0-9a-fA-F:.]+\])(?::(\d+))?\/(?:(.*)\/)?([^/]*)$/;

/** Parses a DSN, or returns a sentence saying what is wrong with it. */
export function parseDsn(value: string): Dsn | string {
  const match = DSN_PATTERN.exec(value.trim());
  if (!match) {
    return `"${value}" is not a valid DSN${process.env.NODE_ENV !== 'production' ? ' (expected https://<public_key>@<host>/<project_id>)' : ''}`;
  }
  const [, protocol, publicKey, host, port = '', path = '', projectId = ''] = match;
  if (!/^\d+$/.test(projectId)) {
    return `"${value}" has an invalid project id "${projectId}"${process.env.NODE_ENV !== 'production' ? ' (expected digits at the end of the path)' : ''}`;
  }
  return { protocol: protocol as Dsn['protocol'], publicKey: publicKey!, host: host!, port, path, projectId };
}

/** The DSN as a string, without any secret. */
export function dsnToString(dsn: Dsn): string {
  const port = dsn.port ? `:${dsn.port}` : '';
  const path = dsn.path ? `/${dsn.path}` : '';
  return `${dsn.protocol}://${dsn.publicKey}@${dsn.host}${port}${path}/${dsn.projectId}`;
}

/** The envelope ingest URL with auth in the query, as Sentry expects from browsers and servers alike. */
export function getEnvelopeEndpoint(dsn: Dsn, sdk: Pick<SdkInfo, 'name' | 'version'>): string {
  const port = dsn.port ? `:${dsn.port}` : '';
  const path = dsn.path ? `/${dsn.path}` : '';
  const query = [
    'sentry_version=7',
    `sentry_key=${encodeURIComponent(dsn.publicKey)}`,
    `sentry_client=${encodeURIComponent(`${sdk.name}/${sdk.version}`)}`,
  ].join('&');
  return `${dsn.protocol}://${dsn.host}${port}${path}/api/${dsn.projectId}/envelope/?${query}`;
}
