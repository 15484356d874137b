import type { Decision } from '../transports/decideOutcome';
import type { SendOutcome } from './types';

/**
 * What an attempt's decision counts as: `ok` (delivered), `rate_limited` (a 429 or a limit named for its
 * categories), `rejected` (a permanent answer, not retried) or `retry` (unreachable, timed out, 5xx; after
 * the last attempt such an envelope is given up, and that loss is counted with its drop reason).
 */
export function sendOutcome(decision: Decision): SendOutcome {
  if (decision.destination.kind === 'failing') return 'retry';
  if (decision.destination.kind === 'rate_limited') return 'rate_limited';
  return decision.envelope.kind === 'delivered' ? 'ok' : 'rejected';
}
