import { subscribe } from 'node:diagnostics_channel';
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import {
  getCarrier,
  getClient,
  getTraceHeaders,
  installOnce,
  shouldPropagateTo,
  type Breadcrumb,
  type Integration,
  type Scope,
} from '@faultline/core';
import { bindUndiciRequest } from '../bindUndiciRequest';
import { isOwnRequest } from '../isOwnRequest';

type UndiciRequest = {
  origin: string;
  path: string;
  method: string;
  headers: string | string[];
  addHeader(name: string, value: string): void;
};
/**
 * Each outgoing request → what its breadcrumb needs, the isolation scope of the code that made it included:
 * its answer is read in the async context of the socket (undici) or of whatever ends it, which on a reused
 * keep-alive connection belongs to another request.
 */
const started = new WeakMap<object, { url: string; method: string; at: number; isolationScope: Scope }>();
/** `http.request` calls → the isolation scope they were made in (the start channel fires later, at `end()`). */
const madeIn = new WeakMap<object, Scope>();

/**
 * Outgoing requests, through `undici` / global `fetch` and `http.request`, via diagnostics channels:
 * `traceparent` (and `x-request-id`) for URLs matching `tracePropagationTargets`, and an HTTP breadcrumb
 * with method, URL, status and duration. The SDK's own requests are skipped.
 */
/* @__NO_SIDE_EFFECTS__ */
export function httpClientIntegration(): Integration {
  return {
    name: 'HttpClient',
    setup() {
      installOnce('http-client', () => {
        on('undici:request:create', (message) => {
          const { request } = message as { request: UndiciRequest };
          const url = `${request.origin}${request.path}`;
          if (isOwnRequest(url)) return;
          // This runs in the caller's async context (fetch's promise chain); the answer will not.
          const { strategy } = getCarrier();
          const scopes = strategy.getScopes();
          started.set(request, {
            url,
            method: request.method,
            at: performance.now(),
            isolationScope: scopes.isolationScope,
          });
          bindUndiciRequest(request, scopes, strategy);
          // A request that already carries trace headers (forwarded by the app) keeps them.
          if (hasHeader(request.headers, 'traceparent')) return;
          for (const [name, value] of Object.entries(headersFor(url))) request.addHeader(name, value);
        });
        on('undici:request:headers', (message) => {
          const { request, response } = message as { request: object; response: { statusCode: number } };
          record(request, response.statusCode);
        });
        on('undici:request:error', (message) => {
          const { request, error } = message as { request: object; error: unknown };
          record(request, undefined, error);
        });
        on('http.client.request.start', (message) => {
          const { request } = message as { request: ClientRequest };
          const url = clientRequestUrl(request);
          if (isOwnRequest(url)) return;
          const isolationScope = madeIn.get(request) ?? callerScope();
          started.set(request, { url, method: request.method, at: performance.now(), isolationScope });
        });
        // On Node 20 that channel fires as the request finishes, after its headers went out: headers are
        // added right after creation instead, by wrapping http(s).request / get.
        for (const module of [http, https]) propagateThrough(module);
        syncBuiltinESMExports();
        on('http.client.response.finish', (message) => {
          const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
          record(request, response.statusCode);
        });
      });
    },
  };
}

/** Subscribes to a channel; a subscriber that threw would reach the app as an uncaught exception. */
function on(channel: string, handler: (message: unknown) => void): void {
  subscribe(channel, (message) => {
    try {
      handler(message);
    } catch {
      // the app's request goes on without its breadcrumb or headers
    }
  });
}

/** The URL of a ClientRequest; its Host header carries the port, which `request.host` does not. */
function clientRequestUrl(request: ClientRequest): string {
  const host = request.getHeader('host');
  return `${request.protocol}//${typeof host === 'string' ? host : request.host}${request.path}`;
}

function propagateThrough(module: typeof http | typeof https): void {
  const request = module.request;
  const wrapped = function (this: unknown, ...args: unknown[]): ClientRequest {
    const outgoing = (request as (...a: unknown[]) => ClientRequest).apply(this, args);
    try {
      madeIn.set(outgoing, callerScope());
      const url = clientRequestUrl(outgoing);
      if (!outgoing.headersSent && !outgoing.hasHeader('traceparent') && !isOwnRequest(url)) {
        for (const [name, value] of Object.entries(headersFor(url))) outgoing.setHeader(name, value);
      }
    } catch {
      // the request itself must go out whatever happens here
    }
    return outgoing;
  } as typeof http.request;
  module.request = wrapped;
  // http.get calls the module-private request; do what it does, through the wrapper.
  module.get = function (this: unknown, ...args: unknown[]) {
    const outgoing = (wrapped as (...a: unknown[]) => ClientRequest).apply(this, args);
    outgoing.end();
    return outgoing;
  } as typeof http.get;
}

/** undici keeps headers as a flat [name, value, …] array or as raw `name: value\r\n` text. */
function hasHeader(headers: string | string[], name: string): boolean {
  if (Array.isArray(headers)) return headers.some((value, index) => index % 2 === 0 && value.toLowerCase() === name);
  return headers.toLowerCase().includes(`${name}:`);
}

function headersFor(url: string): Record<string, string> {
  try {
    return shouldPropagateTo(url, getClient()?.getOptions().tracePropagationTargets) ? getTraceHeaders() : {};
  } catch {
    return {};
  }
}

/** The isolation scope of the code running now (the request's, inside a request handler). */
function callerScope(): Scope {
  return getCarrier().strategy.getScopes().isolationScope;
}

function record(request: object, statusCode?: number, error?: unknown): void {
  const start = started.get(request);
  if (!start) return;
  started.delete(request);
  addBreadcrumbTo(start.isolationScope, {
    type: 'http',
    category: 'http',
    ...(error !== undefined || (statusCode ?? 0) >= 500 ? { level: 'error' as const } : {}),
    data: {
      method: start.method,
      url: start.url,
      ...(statusCode !== undefined ? { status_code: statusCode } : {}),
      ...(error !== undefined ? { error: String(error) } : {}),
      duration_ms: Math.round(performance.now() - start.at),
    },
  });
}

function addBreadcrumbTo(isolationScope: Scope, breadcrumb: Breadcrumb): void {
  try {
    getClient()?.addBreadcrumb(breadcrumb, undefined, isolationScope);
  } catch {
    // a breadcrumb is never worth an error in the app's request
  }
}
