/** True for Errors of this realm or another (iframes, vm contexts), DOMExceptions included. Never throws. */
export function isError(value: unknown): value is Error {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (value instanceof Error) return true;
    const tag = Object.prototype.toString.call(value);
    return tag === '[object Error]' || tag === '[object DOMException]' || tag === '[object Exception]';
  } catch {
    return false;
  }
}

/** True for plain `{}` objects (including ones from another realm). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  try {
    return Object.prototype.toString.call(value) === '[object Object]';
  } catch {
    return false;
  }
}
