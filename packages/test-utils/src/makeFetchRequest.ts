import type { MakeRequest } from '@faultline/core';

/** A real request function over Node's global fetch, for core's delivery tests (platforms bring their own). */
export const makeFetchRequest: MakeRequest = async ({ url, headers, body, signal }) => {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: body as BodyInit,
    signal: signal as AbortSignal | undefined,
  });
  await response.arrayBuffer();
  return {
    statusCode: response.status,
    headers: {
      'retry-after': response.headers.get('retry-after'),
      'x-sentry-rate-limits': response.headers.get('x-sentry-rate-limits'),
    },
  };
};
