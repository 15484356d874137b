import type { Integration } from '../client/types';
import { noteInert } from './noteInert';

/**
 * An integration of Sentry's that Faultline accepts and does nothing with (`what` says which feature it
 * belongs to: tracing, replay, profiling…); with `debug: true`, set-up says so once.
 */
/* @__NO_SIDE_EFFECTS__ */
export function inertIntegration(name: string, what: string): Integration {
  return { name, setup: () => noteInert(`${name} (${what})`) };
}
