import { addBreadcrumb, installOnce, type Integration } from '@faultline/core';
import { isOwnRequest } from '../isOwnRequest';

type Tracked = XMLHttpRequest & { __faultline?: { method: string; url: string } };

/** Records XMLHttpRequests as breadcrumbs: method, URL, status and duration; never bodies. */
/* @__NO_SIDE_EFFECTS__ */
export function xhrBreadcrumbsIntegration(): Integration {
  return {
    name: 'XhrBreadcrumbs',
    setup() {
      installOnce('xhr-breadcrumbs', () => {
        if (typeof XMLHttpRequest === 'undefined') return;
        const proto = XMLHttpRequest.prototype as Tracked;
        const open = proto.open;
        const send = proto.send;
        proto.open = function (this: Tracked, method: string, url: string | URL, ...rest: unknown[]) {
          this.__faultline = { method: String(method).toUpperCase(), url: String(url) };
          return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
        } as typeof proto.open;
        proto.send = function (this: Tracked, body?: Document | XMLHttpRequestBodyInit | null) {
          const request = this.__faultline;
          if (request && !isOwnRequest(request.url)) {
            const started = performance.now();
            this.addEventListener('loadend', () =>
              addBreadcrumb({
                type: 'http',
                category: 'xhr',
                ...(this.status === 0 || this.status >= 500 ? { level: 'error' as const } : {}),
                data: { ...request, status_code: this.status, duration_ms: Math.round(performance.now() - started) },
              }),
            );
          }
          return send.call(this, body);
        };
      });
    },
  };
}
