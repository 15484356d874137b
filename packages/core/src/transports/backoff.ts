/**
 * Exponential backoff with "equal jitter": a random delay in [½, 1] × min(cap, base × 2^(step − 1)). The
 * jitter spreads retries from many clients; the floor keeps a minimum gap, so a retry is never immediate.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function jitteredBackoff(step: number, baseMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(step, 1) - 1, 30));
  return ceiling * (0.5 + Math.random() / 2);
}

/** How a failed attempt is treated. */
export type FailureKind = 'unreachable' | 'server_error' | 'rate_limited' | 'permanent';

/**
 * Network errors, timeouts and gateway/availability answers mean the destination is unreachable: retry
 * after a backoff, without holding it against the envelope. 500 and 408 are about this request, so they
 * count toward its attempts. 429 waits for the rate limit. Any other 4xx is a permanent answer.
 */
export function classifyStatus(statusCode: number, isPermanent?: (statusCode: number) => boolean): FailureKind {
  if (isPermanent?.(statusCode)) return 'permanent';
  if (statusCode === 429) return 'rate_limited';
  if (statusCode === 502 || statusCode === 503 || statusCode === 504) return 'unreachable';
  if (statusCode === 408 || statusCode >= 500) return 'server_error';
  return 'permanent';
}
