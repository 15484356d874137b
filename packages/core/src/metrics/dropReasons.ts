import type { DropReason } from '../types';

/**
 * Every client-report reason, so that each drop counter exists (at 0) before its first drop. A record over
 * the union: a reason added to DropReason without being listed here fails to compile.
 */
export const DROP_REASONS: Readonly<Record<DropReason, true>> = {
  sample_rate: true,
  before_send: true,
  event_processor: true,
  ratelimit_backoff: true,
  queue_overflow: true,
  network_error: true,
  send_error: true,
  storm_guard: true,
  cache_overflow: true,
  internal_sdk_error: true,
};
