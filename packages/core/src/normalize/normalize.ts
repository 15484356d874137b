import { safeGet, safeString, truncate } from './safeString';

export interface NormalizeLimits {
  /** How many levels of objects are expanded; deeper ones become `[Object]` / `[Array]`. */
  depth: number;
  /** How many keys or items of one object or array are kept. */
  maxBreadth: number;
  /** How long one string may be. */
  maxStringLength: number;
}

/**
 * Work left for normalizing one event: values to visit and string characters to keep. Shared by every
 * part of an event, so width × depth × string length cannot add up to a huge payload.
 */
export interface NormalizeBudget {
  nodes: number;
  chars: number;
}

/** A fresh budget: about 512 KiB of strings and 20,000 values per event. */
export function createNormalizeBudget(): NormalizeBudget {
  return { nodes: 20_000, chars: 512 * 1024 };
}

interface State {
  maxBreadth: number;
  maxStringLength: number;
  budget: NormalizeBudget;
  /** The objects on the path from the root: depth is small, so a scan beats allocating a WeakSet. */
  ancestors: object[];
}

/**
 * Turns any value into JSON-safe data, bounded in depth, breadth, string length and total work.
 * Never throws: whatever cannot be read becomes a bracketed placeholder string.
 */
export function normalize(
  value: unknown,
  limits: Partial<NormalizeLimits> = {},
  budget: NormalizeBudget = createNormalizeBudget(),
): unknown {
  const state: State = {
    maxBreadth: limits.maxBreadth ?? 1000,
    maxStringLength: limits.maxStringLength ?? 16_384,
    budget,
    ancestors: [],
  };
  return visit(value, Math.min(limits.depth ?? 3, 100), state);
}

function visit(value: unknown, depth: number, state: State): unknown {
  // Every value costs one unit, so a wide array of short strings is bounded like a wide array of objects.
  if (--state.budget.nodes < 0) return '[Truncated]';
  switch (typeof value) {
    case 'string':
      return keepString(value, state.maxStringLength, state);
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : `[${value}]`;
    case 'undefined':
      return '[undefined]';
    case 'bigint':
      return `[BigInt: ${value}]`;
    case 'symbol':
      return `[${safeString(value, 200)}]`;
    case 'function':
      return safeString(value, 200);
  }
  if (value === null) return null;
  try {
    return visitObject(value as object, depth, state);
  } catch (error) {
    return `[Unserializable: ${safeString(safeGet(error, 'message'), 200)}]`;
  }
}

function visitObject(value: object, depth: number, state: State): unknown {
  if (state.ancestors.includes(value)) return '[Circular ~]';
  const isArray = Array.isArray(value);
  const proto: unknown = isArray ? undefined : Object.getPrototypeOf(value);
  // Plain objects and arrays (almost everything) skip the checks for special kinds.
  if (!isArray && proto !== Object.prototype && proto !== null) {
    const special = describeSpecial(value, state);
    if (special !== undefined) return special;
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const json: unknown = toJSON.call(value);
    if (json !== value) return visit(json, depth, state);
  }
  if (depth <= 0) return isArray ? '[Array]' : '[Object]';
  state.ancestors.push(value);
  try {
    if (isArray) return visitList(value as unknown[], depth, state);
    if (value instanceof Set) return visitList(Array.from(take(value, state.maxBreadth + 1)), depth, state);
    if (value instanceof Map) return visitMap(value, depth, state);
    return visitProperties(value, depth, state);
  } finally {
    state.ancestors.pop();
  }
}

/** Truncates to `max`, and to what is left of the event's character budget. */
function keepString(value: string, max: number, state: State): string {
  const kept = truncate(value, Math.min(max, Math.max(state.budget.chars, 0)));
  state.budget.chars -= kept.length;
  return kept;
}

function* take(iterable: Iterable<unknown>, count: number): Generator<unknown> {
  if (count <= 0) return;
  for (const item of iterable) {
    yield item;
    if (--count <= 0) return;
  }
}

function visitList(items: unknown[], depth: number, state: State): unknown[] {
  const out: unknown[] = [];
  const length = items.length;
  for (let i = 0; i < length; i++) {
    if (i >= state.maxBreadth || state.budget.nodes <= 0) {
      out.push('[MaxProperties ~]');
      break;
    }
    out.push(visit(items[i], depth - 1, state));
  }
  return out;
}

function visitMap(map: Map<unknown, unknown>, depth: number, state: State): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const [key, item] of map) {
    if (count++ >= state.maxBreadth || state.budget.nodes <= 0) {
      out['...'] = '[MaxProperties ~]';
      break;
    }
    out[keepString(safeString(key, 200), 200, state)] = visit(item, depth - 1, state);
  }
  return out;
}

function visitProperties(value: object, depth: number, state: State): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (count++ >= state.maxBreadth || state.budget.nodes <= 0) {
      out['...'] = '[MaxProperties ~]';
      break;
    }
    const name = key.length > 200 ? keepString(key, 200, state) : key;
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch (error) {
      out[name] = `[Unreadable: ${safeString(safeGet(error, 'message'), 200)}]`;
      continue;
    }
    out[name] = visit(item, depth - 1, state);
  }
  return out;
}

/** Values with a better short form than their properties; undefined for ordinary objects. */
function describeSpecial(value: object, state: State): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '[Invalid Date]' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (ArrayBuffer.isView(value)) return `[${value.constructor.name}(${value.byteLength} bytes)]`;
  if (value instanceof ArrayBuffer) return `[ArrayBuffer(${value.byteLength} bytes)]`;
  if (value instanceof Promise) return '[Promise]';
  if (value instanceof WeakMap || value instanceof WeakSet) return `[${value.constructor.name}]`;
  if (isErrorLike(value)) return errorToObject(value, state);
  const node = value as { nodeType?: unknown; nodeName?: unknown };
  if (typeof node.nodeType === 'number' && typeof node.nodeName === 'string') return `[DOM ${node.nodeName}]`;
  if (value === globalThis) return '[Global]';
  return undefined;
}

function isErrorLike(value: object): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

function errorToObject(error: Error, state: State): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: safeString(safeGet(error, 'name'), 200),
    message: keepString(safeString(safeGet(error, 'message'), state.maxStringLength), state.maxStringLength, state),
  };
  const stack = safeGet(error, 'stack');
  if (typeof stack === 'string') out.stack = keepString(stack, state.maxStringLength, state);
  for (const key of Object.keys(error)) {
    if (!(key in out)) out[key] = visit(safeGet(error, key, '[Unreadable]'), 1, state);
  }
  return out;
}
