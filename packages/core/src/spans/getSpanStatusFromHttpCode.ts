import type { Span, SpanStatus } from './types';

const BY_CODE: Record<number, string> = {
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  413: 'failed_precondition',
  429: 'resource_exhausted',
  499: 'cancelled',
  501: 'unimplemented',
  503: 'unavailable',
  504: 'deadline_exceeded',
};

/** The span status an HTTP status code means, as Sentry maps them. */
export function getSpanStatusFromHttpCode(httpStatus: number): SpanStatus {
  if (httpStatus < 400 && httpStatus >= 100) return { code: 1 };
  const message =
    BY_CODE[httpStatus] ?? (httpStatus >= 400 && httpStatus < 500 ? 'invalid_argument' : 'internal_error');
  return { code: 2, message };
}

/** Sets the span's `http.response.status_code` attribute and its status from the code. */
export function setHttpStatus(span: Span, httpStatus: number): void {
  span.setAttribute('http.response.status_code', httpStatus);
  span.setStatus(getSpanStatusFromHttpCode(httpStatus));
}
