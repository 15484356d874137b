import { normalize } from '../normalize/normalize';
import type { ScopeData } from '../scope/createScope';
import type { Event } from '../types';

/** Merges scopes (least specific first) into `event`; what the event already has wins. */
export function applyScopeData(event: Event, scopes: ScopeData[], maxBreadcrumbs: number): void {
  let breadcrumbs = event.breadcrumbs ?? [];
  for (let i = scopes.length - 1; i >= 0; i--) {
    const data = scopes[i]!;
    if (data.user) event.user = merge(data.user, event.user);
    if (hasKeys(data.tags)) event.tags = merge(data.tags, event.tags);
    if (hasKeys(data.contexts)) event.contexts = merge(data.contexts, event.contexts);
    if (hasKeys(data.extra)) event.extra = merge(data.extra, event.extra);
    if (data.request) event.request = merge(data.request, event.request);
    if (data.fingerprint) event.fingerprint = [...(event.fingerprint ?? []), ...data.fingerprint];
    if (data.breadcrumbs.length > 0) breadcrumbs = data.breadcrumbs.concat(breadcrumbs);
  }
  // As in Sentry, a level set on a scope overrides the event's own; the innermost scope wins.
  for (let i = scopes.length - 1; i >= 0; i--) {
    const level = scopes[i]!.level;
    if (level) {
      event.level = level;
      break;
    }
  }
  // A transaction name (route, job) fills in what the event does not say itself.
  for (let i = scopes.length - 1; i >= 0 && event.transaction === undefined; i--) {
    event.transaction = scopes[i]!.transactionName;
  }
  if (event.transaction === undefined) delete event.transaction;
  if (breadcrumbs.length > 0) event.breadcrumbs = breadcrumbs.slice(-maxBreadcrumbs);
  else delete event.breadcrumbs;
}

/** `{ ...base, ...own }`, or whatever of the two can still be read when one is a revoked Proxy. */
function merge<T extends object>(base: T, own: T | undefined): T {
  try {
    return { ...base, ...own };
  } catch {
    return { ...readable(base), ...readable(own) } as T;
  }
}

function readable(record: object | undefined): object {
  const value = normalize(record, { depth: 1 });
  return typeof value === 'object' && value !== null ? value : { unreadable: value };
}

function hasKeys(record: object): boolean {
  try {
    for (const _ in record) return true;
  } catch {
    return true; // unreadable: let merge() report it
  }
  return false;
}
