import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  getCarrier,
  installOnce,
  integrationOption,
  propagationContextFromHeaders,
  randomHex,
  type ActiveScopes,
  type Integration,
} from '@faultline/core';
import { startRequestSession } from '../startRequestSession';

type EnteringStrategy = { enter?(scopes: ActiveScopes): void };

/**
 * Gives every incoming HTTP request its own isolation scope, from `node:diagnostics_channel` alone (no
 * monkey-patching, no loader hooks): the trace continues from `traceparent` / `sentry-trace`, the
 * request id from `X-Request-Id` (or a new one) is echoed in the response, and the request's method,
 * URL, headers and query go with its events (scrubbed). Each request is also a release-health session
 * (counted into per-minute aggregates) unless `sessions: false`, Sentry's option name.
 */
/* @__NO_SIDE_EFFECTS__ */
export function httpServerIntegration(options: { sessions?: boolean } = {}): Integration {
  const integration: Integration & { sessions?: boolean } = {
    name: 'HttpServer',
    sessions: integrationOption('httpServerIntegration', 'sessions', options.sessions, [true, false]),
    setup() {
      installOnce('http-server', () => {
        // The scopes each request entered → the scopes it was forked from.
        const forkedFrom = new WeakMap<ActiveScopes, ActiveScopes>();
        subscribe('http.server.request.start', (message) => {
          try {
            const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
            const { strategy } = getCarrier();
            const enter = (strategy as EnteringStrategy).enter;
            if (!enter) return;
            // As Sentry does, the request's isolation scope is a fork of the one active as it starts, so
            // breadcrumbs, tags and user set at process level come along. `enterWith` below also marks the
            // connection: a keep-alive connection's next request starts inside the previous request's
            // scopes, so it forks from what that request was forked from, never from a sibling.
            const current = strategy.getScopes();
            const base = forkedFrom.get(current) ?? current;
            const isolationScope = base.isolationScope.clone();
            const context = propagationContextFromHeaders(request.headers);
            context.requestId ??= randomHex(16);
            isolationScope.setPropagationContext(context);
            const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
            const query = url.search.slice(1);
            isolationScope.setRequest({
              method: request.method,
              url: `${url.origin}${url.pathname}`,
              // Absent without a query: an undefined field would be sent as a placeholder string.
              ...(query ? { query_string: query } : {}),
              headers: flattenHeaders(request.headers),
            });
            if (!response.headersSent && !response.hasHeader('x-request-id'))
              response.setHeader('x-request-id', context.requestId);
            const scopes: ActiveScopes = { scope: base.scope.clone(), isolationScope };
            forkedFrom.set(scopes, base);
            enter.call(strategy, scopes);
            startRequestSession(isolationScope, response);
          } catch {
            // a request must never fail because of the SDK
          }
        });
      });
    },
  };
  return integration;
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
