import { addBreadcrumb, installOnce, type Integration } from '@faultline/core';
import { isOwnRequest } from '../isOwnRequest';
import { describeFetch } from '../describeFetch';
import { markFetchWrapper } from '../fetchBeneathWrappers';

/** Records `fetch` calls as breadcrumbs: method, URL (query scrubbed later), status and duration; never bodies. */
/* @__NO_SIDE_EFFECTS__ */
export function fetchBreadcrumbsIntegration(): Integration {
  return {
    name: 'FetchBreadcrumbs',
    setup() {
      installOnce('fetch-breadcrumbs', () => {
        if (typeof fetch !== 'function') return;
        const original = globalThis.fetch;
        globalThis.fetch = markFetchWrapper(
          function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
            const { method, url } = describeFetch(input, init);
            const result = original.call(this, input, init);
            if (isOwnRequest(url)) return result;
            const started = performance.now();
            const duration = (): number => Math.round(performance.now() - started);
            return result.then(
              (response) => {
                addBreadcrumb({
                  type: 'http',
                  category: 'fetch',
                  data: { method, url, status_code: response.status, duration_ms: duration() },
                });
                return response;
              },
              (error: unknown) => {
                addBreadcrumb({
                  type: 'http',
                  category: 'fetch',
                  level: 'error',
                  data: { method, url, duration_ms: duration(), error: String(error) },
                });
                throw error;
              },
            );
          } as typeof fetch,
          original,
        );
      });
    },
  };
}
