import { isError, uuid4 } from '@faultline/core';
import { ERROR_MARK, type StoredRecord, type StoredScope } from './storedRecord';
import type { CaptureRecord } from './types';

const MAX_DEPTH = 8;

/**
 * A record as plain data IndexedDB can hold: Errors as `{ name, message, stack, cause }`, functions and symbols
 * left out, other class instances (a DOM node, a Scope) as their string, nesting cut at 8 levels. Nothing
 * is scrubbed here: `scrubStoredRecord` does that before the record is written. Its id (the capture's event
 * id, else a new one) lets the next pipeline claim it once across tabs.
 */
export function toStoredRecord({ kind, args, time, scopes }: CaptureRecord): StoredRecord {
  const [global, isolation, current] = scopes.map((scope): StoredScope => {
    const { eventProcessors: _dropped, ...data } = scope.getScopeData();
    return toPlain(data, 0) as StoredScope;
  });
  const eventId = (args[args.length - 1] as { event_id?: unknown } | undefined)?.event_id;
  const id = typeof eventId === 'string' ? eventId : uuid4();
  return { id, kind, args: toPlain(args, 0) as unknown[], time, scopes: [global!, isolation!, current!] };
}

function toPlain(value: unknown, depth: number): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  try {
    return objectToPlain(value, depth);
  } catch {
    // A revoked Proxy, a hostile `toString`: the rest of the capture is still kept, as the pipeline sends it.
    return '[Unreadable]';
  }
}

function objectToPlain(value: object, depth: number): unknown {
  if (isError(value)) {
    const { name, message, stack, cause } = value as Error;
    const plain = { [ERROR_MARK]: true, name: String(name), message: String(message), stack: String(stack ?? '') };
    // Its cause too: LinkedErrors sends it with the error, on the next page as on this one.
    return cause === undefined ? plain : { ...plain, cause: toPlain(cause, depth + 1) };
  }
  if (Array.isArray(value)) return value.map((item) => toPlain(item, depth + 1));
  if (value instanceof Date) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return String(value);
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch {
      item = '[Unreadable]'; // a getter that throws: its neighbours are still kept
    }
    const converted = toPlain(item, depth + 1);
    if (converted !== undefined) plain[key] = converted;
  }
  return plain;
}
