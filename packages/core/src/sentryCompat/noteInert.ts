import { getCarrier } from '../carrier';
import { debugLogger } from '../debugLogger';

/**
 * Says once per process or page, with `debug: true`, that a Sentry feature the app uses is accepted and
 * does nothing here (tracing, replay, profiling, sessions, feedback widgets, …). Never throws.
 */
export function noteInert(feature: string): void {
  try {
    const carrier = getCarrier();
    const noted = (carrier.inertNoted ??= new Set());
    if (noted.has(feature) || !carrier.debug) return;
    noted.add(feature);
    debugLogger.log(`${feature} is accepted and inert: Faultline does not implement it`);
  } catch {
    // a note must never cost the app anything
  }
}
