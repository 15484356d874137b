import { resolvePropagationContext } from '../tracing/resolvePropagationContext';
import { createNormalizeBudget, normalize, type NormalizeLimits } from '../normalize/normalize';
import { safeString, truncate } from '../normalize/safeString';
import type { EventProcessor, Scope } from '../scope/createScope';
import type { Breadcrumb, Event, Primitive } from '../types';
import { applyScopeData } from './applyScopeData';
import type { PlatformSettings, ResolvedOptions } from './types';

/**
 * Turns a built event into a complete one: ids and timestamps (fixed now, at capture), release and
 * environment, the merged scopes (global → isolation → current), trace context, and normalized user data.
 * Runs synchronously at capture time so later scope changes cannot leak into the event. Returns the
 * scopes' event processors (global first), fixed now too, for the pipeline to run.
 */
export function prepareEvent(
  event: Event,
  eventId: string,
  options: ResolvedOptions,
  platform: Pick<PlatformSettings, 'platform' | 'sdk'>,
  scopes: [global: Scope, isolation: Scope, current: Scope],
): EventProcessor[] {
  event.event_id = eventId;
  event.timestamp ??= Date.now() / 1000;
  event.platform ??= platform.platform;
  event.level ??= 'error';
  if (options.release !== undefined) event.release ??= options.release;
  event.environment ??= options.environment;
  if (options.dist !== undefined) event.dist ??= options.dist;
  if (options.serverName !== undefined) event.server_name ??= options.serverName;
  event.sdk = platform.sdk;

  const data = scopes.map((scope) => scope.getScopeData());
  applyScopeData(event, data, options.maxBreadcrumbs);
  const trace = resolvePropagationContext(...scopes);
  const contexts = (event.contexts ??= {});
  contexts.trace ??= {
    trace_id: trace.traceId,
    span_id: trace.spanId,
    ...(trace.parentSpanId ? { parent_span_id: trace.parentSpanId } : {}),
  };
  if (trace.requestId !== undefined) event.tags = { request_id: trace.requestId, ...event.tags };

  normalizeUserData(event, options);
  return data.flatMap((scopeData) => scopeData.eventProcessors ?? []);
}

/** Bounds every part a user can fill, so nothing they pass can make the event huge or unserializable. */
function normalizeUserData(event: Event, options: ResolvedOptions): void {
  const limits: Partial<NormalizeLimits> = { depth: options.normalizeDepth, maxBreadth: options.normalizeMaxBreadth };
  // One budget for the whole event: many parts, each within limits, still add up to a bounded payload.
  const budget = createNormalizeBudget();
  if (event.message !== undefined) event.message = truncate(safeString(event.message), options.maxValueLength);
  if (event.user) event.user = normalize(event.user, limits, budget) as Event['user'];
  if (event.extra) event.extra = normalize(event.extra, limits, budget) as Event['extra'];
  // Contexts are one level deeper by nature (name → object), so they get one more level.
  if (event.contexts)
    event.contexts = normalize(event.contexts, { ...limits, depth: limits.depth! + 1 }, budget) as Event['contexts'];
  if (event.request) event.request = normalize(event.request, limits, budget) as Event['request'];
  if (event.tags) event.tags = normalizeTags(event.tags);
  if (event.fingerprint) event.fingerprint = normalize(event.fingerprint, limits, budget) as string[];
  if (event.breadcrumbs) {
    // One call for the whole list: crumb → data → value is two levels below the user-data depth.
    event.breadcrumbs = normalize(event.breadcrumbs, { ...limits, depth: limits.depth! + 2 }, budget) as Breadcrumb[];
    for (const crumb of event.breadcrumbs) {
      if (typeof crumb.message === 'string') crumb.message = truncate(crumb.message, options.maxValueLength);
    }
  }
}

const MAX_TAGS = 200;

/** Tags are short and searchable: keys up to 200 characters, values up to 200, at most 200 tags. */
function normalizeTags(tags: Record<string, Primitive>): Record<string, Primitive> {
  const out: Record<string, Primitive> = {};
  let count = 0;
  for (const key in tags) {
    if (count++ >= MAX_TAGS) break;
    const value = tags[key];
    out[truncate(key, 200)] = typeof value === 'number' || typeof value === 'boolean' ? value : safeString(value, 200);
  }
  return out;
}
