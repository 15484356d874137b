/** Where a `fetch` wrapper of the SDK keeps the function it wraps (a non-enumerable property). */
const WRAPPED = '__faultline_wrapped__';

type Wrapper = typeof fetch & { [WRAPPED]?: typeof fetch };

/**
 * Marks `wrapper` as the SDK's own `fetch` wrapper around `original` and returns it, so the SDK's own
 * requests can skip it (see `fetchBeneathWrappers`). A patched global still calls the original.
 */
export function markFetchWrapper(wrapper: typeof fetch, original: typeof fetch): typeof fetch {
  Object.defineProperty(wrapper, WRAPPED, { value: original });
  return wrapper;
}

/**
 * The `fetch` beneath the SDK's own wrappers at the top of `fetch`'s chain (breadcrumbs, trace propagation,
 * HTTP client errors): those would only find the request is the SDK's own and pass it on, at a cost per
 * request. A wrapper the page installed over them is kept, as are the SDK's wrappers beneath it.
 */
export function fetchBeneathWrappers(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  let beneath: Wrapper = fetch;
  while (typeof beneath[WRAPPED] === 'function') beneath = beneath[WRAPPED];
  return beneath;
}
