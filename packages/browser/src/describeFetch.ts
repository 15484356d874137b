/** Method and URL of a `fetch` call, whatever form its arguments take. */
export function describeFetch(input: RequestInfo | URL, init?: RequestInit): { method: string; url: string } {
  try {
    const isRequest = typeof Request !== 'undefined' && input instanceof Request;
    const url = isRequest ? input.url : String(input);
    const method = (init?.method ?? (isRequest ? input.method : 'GET')).toUpperCase();
    return { method, url };
  } catch {
    return { method: 'GET', url: '<unknown>' };
  }
}
