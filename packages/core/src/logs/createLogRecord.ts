import { getCarrier } from '../carrier';
import type { ResolvedOptions } from '../client/types';
import { safeString } from '../normalize/safeString';
import { resolvePropagationContext } from '../tracing/resolvePropagationContext';
import { SEVERITY_NUMBER } from './logLevels';
import { toLogAttribute } from './toLogAttribute';
import type { LogLevel, SerializedLog } from './types';

const MAX_BODY_LENGTH = 8192;

/**
 * A log record with its timestamp fixed now, typed attributes (nested ones still structured), and the trace, span, request and user of
 * the active scopes, so a log lines up with the errors of the same request.
 */
export function createLogRecord(
  level: LogLevel,
  message: unknown,
  attributes: Record<string, unknown> | undefined,
  options: ResolvedOptions,
  sdk: { name: string; version: string },
): SerializedLog {
  const { strategy, globalScope } = getCarrier();
  const { scope, isolationScope } = strategy.getScopes();
  const trace = resolvePropagationContext(globalScope, isolationScope, scope);
  const typed: NonNullable<SerializedLog['attributes']> = {};
  // Scope attributes (Sentry's `setAttributes`), least specific first; the log's own win.
  for (const layer of [globalScope, isolationScope, scope]) {
    const scoped = layer.getAttributes();
    for (const key in scoped) typed[key] = toLogAttribute(scoped[key]);
  }
  if (attributes) {
    const limits = { depth: options.normalizeDepth, maxBreadth: options.normalizeMaxBreadth };
    for (const key in attributes) typed[key] = toLogAttribute(attributes[key], limits);
  }
  typed['sentry.sdk.name'] = { value: sdk.name, type: 'string' };
  typed['sentry.sdk.version'] = { value: sdk.version, type: 'string' };
  typed['sentry.environment'] = { value: options.environment, type: 'string' };
  if (options.release !== undefined) typed['sentry.release'] = { value: options.release, type: 'string' };
  if (options.service !== undefined) typed['service.name'] = { value: options.service, type: 'string' };
  typed['sentry.trace.parent_span_id'] = { value: trace.spanId, type: 'string' };
  if (trace.requestId !== undefined) typed.request_id = { value: trace.requestId, type: 'string' };
  const userId = (scope.getUser() ?? isolationScope.getUser() ?? globalScope.getUser())?.id;
  if (userId !== undefined) typed['user.id'] = { value: String(userId), type: 'string' };
  return {
    timestamp: Date.now() / 1000,
    level,
    body: safeString(message, MAX_BODY_LENGTH),
    trace_id: trace.traceId,
    severity_number: SEVERITY_NUMBER[level],
    attributes: typed,
  };
}
