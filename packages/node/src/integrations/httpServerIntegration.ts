import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  getCarrier,
  installOnce,
  propagationContextFromHeaders,
  randomHex,
  type ActiveScopes,
  type Integration,
} from '@faultline/core';

type EnteringStrategy = { enter?(scopes: ActiveScopes): void };

/**
 * Gives every incoming HTTP request its own isolation scope, from `node:diagnostics_channel` alone (no
 * monkey-patching, no loader hooks): the trace continues from `traceparent` / `sentry-trace`, the
 * request id from `X-Request-Id` (or a new one) is echoed in the response, and the request's method,
 * URL, headers and query go with its events (scrubbed).
 */
/* @__NO_SIDE_EFFECTS__ */
export function httpServerIntegration(): Integration {
  return {
    name: 'HttpServer',
    setup() {
      installOnce('http-server', () => {
        subscribe('http.server.request.start', (message) => {
          try {
            const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
            const { strategy } = getCarrier();
            const enter = (strategy as EnteringStrategy).enter;
            if (!enter) return;
            const active = strategy.getScopes();
            const isolationScope = active.isolationScope.clone().clearBreadcrumbs();
            const context = propagationContextFromHeaders(request.headers);
            context.requestId ??= randomHex(16);
            isolationScope.setPropagationContext(context);
            const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
            isolationScope.setRequest({
              method: request.method,
              url: `${url.origin}${url.pathname}`,
              query_string: url.search.slice(1) || undefined,
              headers: flattenHeaders(request.headers),
            });
            if (!response.headersSent && !response.hasHeader('x-request-id'))
              response.setHeader('x-request-id', context.requestId);
            enter.call(strategy, { scope: active.scope.clone(), isolationScope });
          } catch {
            // a request must never fail because of the SDK
          }
        });
      });
    },
  };
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
