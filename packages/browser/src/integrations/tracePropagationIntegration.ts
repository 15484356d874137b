import { getClient, getTraceHeaders, installOnce, shouldPropagateTo, type Integration } from '@faultline/core';
import { describeFetch } from '../describeFetch';
import { markFetchWrapper } from '../fetchBeneathWrappers';
import { isOwnRequest } from '../isOwnRequest';

/**
 * Adds `traceparent` (and `x-request-id`, and `sentry-trace`/`baggage` when enabled) to outgoing `fetch`
 * and XHR requests whose URL matches `tracePropagationTargets` (default: this page's origin), so the
 * page's trace continues on the server. Third-party requests are left alone: no CORS surprises.
 */
/* @__NO_SIDE_EFFECTS__ */
export function tracePropagationIntegration(): Integration {
  return {
    name: 'TracePropagation',
    setup() {
      installOnce('trace-propagation', () => {
        if (typeof fetch === 'function') {
          const original = globalThis.fetch;
          globalThis.fetch = markFetchWrapper(
            function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
              const headers = headersFor(describeFetch(input, init).url);
              if (!headers) return original.call(this, input, init);
              const isRequest = typeof Request !== 'undefined' && input instanceof Request;
              const merged = new Headers(init?.headers ?? (isRequest ? input.headers : undefined));
              for (const [name, value] of Object.entries(headers)) if (!merged.has(name)) merged.set(name, value);
              return original.call(this, input, { ...init, headers: merged });
            } as typeof fetch,
            original,
          );
        }
        if (typeof XMLHttpRequest !== 'undefined') {
          const proto = XMLHttpRequest.prototype as XMLHttpRequest & { __faultline?: { url: string } };
          const send = proto.send;
          proto.send = function (this: typeof proto, body?: Document | XMLHttpRequestBodyInit | null) {
            const headers = this.__faultline && headersFor(this.__faultline.url);
            for (const [name, value] of Object.entries(headers ?? {})) {
              try {
                this.setRequestHeader(name, value);
              } catch {
                // the request is not open: nothing to add to
              }
            }
            return send.call(this, body);
          };
        }
      });
    },
  };
}

function headersFor(url: string): Record<string, string> | undefined {
  try {
    const targets = getClient()?.getOptions().tracePropagationTargets;
    const resolved = new URL(url, location.href);
    // As Sentry matches them: the full URL, or for this origin also the path (so `/^\/api\//` works).
    const matches =
      shouldPropagateTo(resolved.href, targets) ||
      (resolved.origin === location.origin && shouldPropagateTo(resolved.pathname, targets));
    if (isOwnRequest(url) || !matches) return undefined;
    return getTraceHeaders();
  } catch {
    return undefined;
  }
}
