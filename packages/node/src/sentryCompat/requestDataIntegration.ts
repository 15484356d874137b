import type { Event, Integration } from '@faultline/core';

type Include = {
  cookies?: boolean;
  data?: boolean;
  headers?: boolean;
  ip?: boolean;
  query_string?: boolean;
  url?: boolean;
};

/**
 * Sentry's `requestDataIntegration({ include })`: the request data `httpServerIntegration` attaches, less
 * the parts `include` turns off (`{ cookies: false, data: false, headers: false, query_string: false,
 * url: false, ip: false }`).
 */
export function requestDataIntegration(options: { include?: Include } = {}): Integration {
  const include = options.include ?? {};
  return {
    name: 'RequestData',
    processEvent(event: Event) {
      const request = event.request as Record<string, unknown> | undefined;
      if (!request) return event;
      const kept = { ...request };
      if (include.cookies === false) delete kept.cookies;
      if (include.data === false) delete kept.data;
      if (include.headers === false) delete kept.headers;
      if (include.query_string === false) delete kept.query_string;
      if (include.url === false) delete kept.url;
      if (include.ip === false) delete kept.env;
      const copy: Event = { ...event, request: kept as Event['request'] };
      if (include.ip === false && copy.user?.ip_address !== undefined) {
        const { ip_address: _ip, ...user } = copy.user;
        copy.user = user;
      }
      return copy;
    },
  };
}
