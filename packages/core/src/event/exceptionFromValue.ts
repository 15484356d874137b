import { normalize } from '../normalize/normalize';
import { safeGet, safeString, truncate } from '../normalize/safeString';
import type { Exception } from '../types';
import { isError, isPlainObject } from './isError';
import { parseStackFrames } from './parseStackFrames';

export interface ExceptionLimits {
  maxValueLength: number;
  normalizeDepth: number;
  normalizeMaxBreadth: number;
}

/** A Sentry exception for one thrown value, and what else was learned about it. */
export interface BuiltException {
  exception: Exception;
  /** True when the value was not an Error, so any stack is the SDK's guess. */
  synthetic: boolean;
  /** Own enumerable properties of an Error, or the serialized form of a thrown object. */
  data?: Record<string, unknown>;
}

const STANDARD_ERROR_KEYS = new Set(['name', 'message', 'stack', 'cause', 'errors']);

/** Builds the exception for any thrown value: Errors, error-like objects, strings, objects, primitives. */
export function exceptionFromValue(value: unknown, limits: ExceptionLimits): BuiltException {
  if (isError(value) || isErrorLike(value)) return fromError(value as object, limits);
  if (typeof value === 'string') {
    return { exception: { type: 'Error', value: truncate(value, limits.maxValueLength) }, synthetic: true };
  }
  if (typeof value === 'object' && value !== null) return fromObject(value, limits);
  const text = `Non-Error exception captured with value: ${safeString(value, 200)}`;
  return { exception: { type: 'Error', value: truncate(text, limits.maxValueLength) }, synthetic: true };
}

function fromError(error: object, limits: ExceptionLimits): BuiltException {
  const message = safeGet(error, 'message');
  const exception: Exception = {
    type: errorType(error),
    value: truncate(typeof message === 'string' ? message : safeString(message), limits.maxValueLength),
  };
  const stack = safeGet(error, 'stack');
  if (typeof stack === 'string') {
    const frames = parseStackFrames(withoutMessage(stack, message));
    if (frames.length > 0) exception.stacktrace = { frames };
  }
  return { exception, synthetic: false, data: ownErrorData(error, limits) };
}

/**
 * V8 stacks start with "Name: message"; a huge message would push every frame past what the parser reads
 * (and cost time), so the frames are parsed from after it.
 */
function withoutMessage(stack: string, message: unknown): string {
  if (typeof message !== 'string' || message.length < 256) return stack;
  const at = stack.indexOf(message);
  return at >= 0 && at < 512 ? stack.slice(at + message.length) : stack;
}

/** `error.name`, or the subclass name when a subclass forgot to set `name`. */
function errorType(error: object): string {
  const name = safeGet(error, 'name');
  const type = typeof name === 'string' && name ? name : 'Error';
  if (type !== 'Error') return truncate(type, 200);
  const constructorName = safeGet(safeGet(error, 'constructor'), 'name');
  return typeof constructorName === 'string' && constructorName && constructorName !== 'Object'
    ? truncate(constructorName, 200)
    : type;
}

function ownErrorData(error: object, limits: ExceptionLimits): Record<string, unknown> | undefined {
  let keys: string[];
  try {
    keys = Object.keys(error).filter((key) => !STANDARD_ERROR_KEYS.has(key));
  } catch {
    return undefined;
  }
  if (keys.length === 0) return undefined;
  const data: Record<string, unknown> = {};
  for (const key of keys.slice(0, limits.normalizeMaxBreadth)) data[key] = safeGet(error, key, '[Unreadable]');
  return normalize(data, { depth: limits.normalizeDepth, maxBreadth: limits.normalizeMaxBreadth }) as Record<
    string,
    unknown
  >;
}

function fromObject(value: object, limits: ExceptionLimits): BuiltException {
  let keys: string[] = [];
  try {
    keys = Object.keys(value);
  } catch {
    // A revoked Proxy or a throwing ownKeys trap: describe it without its keys.
  }
  const constructorName = safeGet(safeGet(value, 'constructor'), 'name');
  const kind = typeof constructorName === 'string' && constructorName ? constructorName : 'Object';
  const listed = keys.slice(0, 10).sort().join(', ') + (keys.length > 10 ? ', …' : '');
  const text = isPlainObject(value) || kind !== 'Object' ? `${kind} captured as exception with keys: ${listed}` : '';
  const serialized = normalize(value, { depth: limits.normalizeDepth, maxBreadth: limits.normalizeMaxBreadth });
  return {
    exception: {
      type: 'Error',
      value: truncate(text || `Non-Error exception: ${safeString(value)}`, limits.maxValueLength),
    },
    synthetic: true,
    data: { __serialized__: serialized },
  };
}

/** Objects shaped like an Error (from a serializer, a worker, another library) are treated as one. */
function isErrorLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const message = safeGet(value, 'message');
  const stack = safeGet(value, 'stack');
  const name = safeGet(value, 'name');
  return typeof message === 'string' && (typeof stack === 'string' || typeof name === 'string');
}
