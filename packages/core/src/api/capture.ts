import { getCarrier } from '../carrier';
import { isError } from '../event/isError';
import { debugLogger } from '../debugLogger';
import type { Scope } from '../scope/createScope';
import type { CaptureContext, Event, SeverityLevel } from '../types';

/**
 * Captures an error (or any thrown value) and returns its event id ('' when nothing was captured:
 * before `init`, or when disabled). Never throws.
 */
export function captureException(exception: unknown, context?: CaptureContext): string {
  try {
    const client = getCarrier().client;
    if (!client) return '';
    // Made here so that its newest frame is this function, which the SDK then drops.
    const syntheticException = isError(exception) ? undefined : new Error('synthetic');
    return client.captureException(exception, { syntheticException, mechanism: context?.mechanism }, scopeFor(context));
  } catch (error) {
    debugLogger.error('captureException failed', error);
    return '';
  }
}

/** Captures a message at `level` (default `info`) and returns its event id. Never throws. */
export function captureMessage(message: string, levelOrContext?: SeverityLevel | CaptureContext): string {
  try {
    const client = getCarrier().client;
    if (!client) return '';
    const context = typeof levelOrContext === 'object' ? levelOrContext : undefined;
    const level = typeof levelOrContext === 'string' ? levelOrContext : (context?.level ?? 'info');
    const syntheticException = client.getOptions().attachStacktrace ? new Error(String(message)) : undefined;
    return client.captureMessage(message, level, { syntheticException }, scopeFor(context));
  } catch (error) {
    debugLogger.error('captureMessage failed', error);
    return '';
  }
}

/** Captures a hand-built event (Sentry's event schema) and returns its event id. Never throws. */
export function captureEvent(event: Event, context?: CaptureContext): string {
  try {
    return getCarrier().client?.captureEvent(event, {}, scopeFor(context)) ?? '';
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

/** A fork of the current scope with the per-capture additions, or undefined when there are none. */
function scopeFor(context: CaptureContext | undefined): Scope | undefined {
  if (!context) return undefined;
  const scope = getCarrier().strategy.getScopes().scope.clone();
  if (context.user) scope.setUser(context.user);
  if (context.level) scope.setLevel(context.level);
  if (context.tags) scope.setTags(context.tags);
  if (context.extra) scope.setExtras(context.extra);
  if (context.fingerprint) scope.setFingerprint(context.fingerprint);
  for (const [name, value] of Object.entries(context.contexts ?? {})) scope.setContext(name, value);
  return scope;
}
