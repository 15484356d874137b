import { createScope, type Scope } from '@faultline/core';
import { ERROR_MARK, type StoredRecord, type StoredScope } from '../entry/storedRecord';
import type { CaptureRecord } from '../entry/types';

/** A kept record back as the entry recorded it: Errors rebuilt with their stack, scopes rebuilt from their data. */
export function fromStoredRecord({ kind, args, time, scopes }: StoredRecord): CaptureRecord {
  const [global, isolation, current] = scopes.map(scopeFrom);
  return { kind, args: fromPlain(args) as unknown[], time, scopes: [global!, isolation!, current!] };
}

function scopeFrom(data: StoredScope): Scope {
  const scope = createScope()
    .setUser(data.user)
    .setTags(data.tags ?? {})
    .setExtras(data.extra ?? {})
    .setFingerprint(data.fingerprint)
    .setLevel(data.level)
    .setPropagationContext(data.propagationContext)
    .setRequest(data.request)
    .setTransactionName(data.transactionName)
    .setAttributes(data.attributes ?? {});
  for (const [name, context] of Object.entries(data.contexts ?? {})) scope.setContext(name, context);
  const breadcrumbs = data.breadcrumbs ?? [];
  for (const breadcrumb of breadcrumbs) scope.addBreadcrumb(breadcrumb, breadcrumbs.length);
  return scope;
}

function fromPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const plain = value as Record<string, unknown>;
  if (plain[ERROR_MARK] === true) {
    const error = new Error(String(plain.message));
    error.name = String(plain.name);
    error.stack = String(plain.stack);
    if ('cause' in plain) error.cause = fromPlain(plain.cause);
    return error;
  }
  return Object.fromEntries(Object.entries(plain).map(([key, item]) => [key, fromPlain(item)]));
}
