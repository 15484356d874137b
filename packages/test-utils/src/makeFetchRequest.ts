import type { MakeRequest } from '@faultline/core';

/**
 * A real request function over Node's global fetch, for core's delivery tests (platforms bring their own);
 * the start of a non-2xx answer's body is the receiver's reason.
 */
export const makeFetchRequest: MakeRequest = async ({ url, headers, body, signal }) => {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: body as BodyInit,
    signal: signal as AbortSignal | undefined,
  });
  const text = await response.text();
  return {
    statusCode: response.status,
    ...(response.ok ? {} : { body: text.slice(0, 4096) }),
    headers: {
      'retry-after': response.headers.get('retry-after'),
      'x-sentry-rate-limits': response.headers.get('x-sentry-rate-limits'),
    },
  };
};
