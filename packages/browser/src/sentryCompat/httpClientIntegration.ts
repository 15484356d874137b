import { getClient, installOnce, type Integration } from '@faultline/core';
import { describeFetch } from '../describeFetch';
import { markFetchWrapper } from '../fetchBeneathWrappers';
import { isOwnRequest } from '../isOwnRequest';

type StatusRange = number | [number, number];
type HttpClient = Integration & { statuses: StatusRange[]; targets: (string | RegExp)[] };

/**
 * Sentry's browser `httpClientIntegration()`: a `fetch` or XHR response with a failing status (500–599 by
 * default, `failedRequestStatusCodes`) to a URL matching `failedRequestTargets` (all by default) is
 * captured as an error event with the request's method and URL and the response's status. The SDK's own
 * requests are never captured.
 */
export function httpClientIntegration(
  options: { failedRequestStatusCodes?: StatusRange[]; failedRequestTargets?: (string | RegExp)[] } = {},
): Integration {
  const integration: HttpClient = {
    name: 'HttpClient',
    statuses: options.failedRequestStatusCodes ?? [[500, 599]],
    targets: options.failedRequestTargets ?? [/.*/],
    setup() {
      installOnce('browser.httpClient', patch);
    },
  };
  return integration;
}

function patch(): void {
  if (typeof fetch === 'function') {
    const original = globalThis.fetch;
    globalThis.fetch = markFetchWrapper(
      function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
        const { method, url } = describeFetch(input, init);
        return original.call(this, input, init).then((response) => {
          capture(method, url, response.status, 'fetch');
          return response;
        });
      } as typeof fetch,
      original,
    );
  }
  if (typeof XMLHttpRequest === 'function') {
    const proto = XMLHttpRequest.prototype;
    const open = proto.open;
    proto.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      this.addEventListener('loadend', () => capture(method.toUpperCase(), String(url), this.status, 'xhr'));
      return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof proto.open;
  }
}

function capture(method: string, url: string, status: number, kind: 'fetch' | 'xhr'): void {
  try {
    const client = getClient();
    const active = client?.getIntegration('HttpClient') as HttpClient | undefined;
    if (!client || !active || isOwnRequest(url)) return;
    const failed = active.statuses.some((range) =>
      typeof range === 'number' ? range === status : status >= range[0] && status <= range[1],
    );
    const targeted = active.targets.some((target) =>
      typeof target === 'string' ? url.includes(target) : target.test(url),
    );
    if (!failed || !targeted) return;
    const message = `HTTP Client Error with status code: ${status}`;
    client.captureEvent({
      message,
      level: 'error',
      exception: {
        values: [{ type: 'Error', value: message, mechanism: { type: `auto.http.client.${kind}`, handled: false } }],
      },
      request: { url, method },
      contexts: { response: { status_code: status } },
    });
  } catch {
    // the app's request must not be affected by what happens here
  }
}
