import { getCarrier } from '../carrier';
import { isError } from '../event/isError';
import { debugLogger } from '../debugLogger';
import type { Event, SeverityLevel } from '../types';
import { resolveCaptureHint, type CaptureHint } from './resolveCaptureHint';

/**
 * Captures an error (or any thrown value) and returns its event id ('' when nothing was captured:
 * before `init`, or when disabled). Never throws. The second argument adds to this event only, in any of
 * Sentry's forms: `{ tags, extra, user, level, fingerprint, contexts }`, a hint (`{ data, mechanism,
 * event_id, captureContext }`), or a callback `(scope) => scope.setTag('section', 'checkout')`.
 */
export function captureException(exception: unknown, hintOrContext?: CaptureHint): string {
  try {
    const client = getCarrier().client;
    if (!client) return '';
    const { hint, scope } = resolveCaptureHint(hintOrContext);
    // Made here so that its newest frame is this function, which the SDK then drops.
    hint.syntheticException ??= isError(exception) ? undefined : new Error('synthetic');
    return client.captureException(exception, hint, scope);
  } catch (error) {
    debugLogger.error('captureException failed', error);
    return '';
  }
}

/**
 * Captures a message at `level` (default `info`) and returns its event id. Never throws. Instead of a
 * level, takes what `captureException` takes: context, a hint, or a scope callback.
 */
export function captureMessage(message: string, levelOrContext?: SeverityLevel | CaptureHint): string {
  try {
    const client = getCarrier().client;
    if (!client) return '';
    const { hint, scope } = resolveCaptureHint(typeof levelOrContext === 'string' ? undefined : levelOrContext);
    // A level in the context or set by the callback is on `scope`, which overrides the event's own.
    const level = typeof levelOrContext === 'string' ? levelOrContext : 'info';
    if (client.getOptions().attachStacktrace) hint.syntheticException ??= new Error(String(message));
    return client.captureMessage(message, level, hint, scope);
  } catch (error) {
    debugLogger.error('captureMessage failed', error);
    return '';
  }
}

/** Captures a hand-built event (Sentry's event schema) and returns its event id. Never throws. */
export function captureEvent(event: Event, hintOrContext?: CaptureHint): string {
  try {
    const client = getCarrier().client;
    if (!client) return '';
    const { hint, scope } = resolveCaptureHint(hintOrContext);
    return client.captureEvent(event, hint, scope);
  } catch (error) {
    debugLogger.error('captureEvent failed', error);
    return '';
  }
}

/** The id of the last event captured in the current isolation scope (request or page). */
export function lastEventId(): string | undefined {
  try {
    return getCarrier().strategy.getScopes().isolationScope.lastEventId();
  } catch {
    return undefined;
  }
}
