/** As Node decides whether a rejection reason can be raised as it is: an object with its own `stack`. */
export function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, 'stack');
}

/**
 * What Node raises for an unhandled rejection: the reason itself when it is error-like, otherwise an
 * `UnhandledPromiseRejection` (code `ERR_UNHANDLED_REJECTION`) whose message names the reason, as Node words it.
 */
export function rejectionError(reason: unknown): Error {
  if (isErrorLike(reason)) return reason;
  const error = new Error(
    'This error originated either by throwing inside of an async function without a catch block, or by ' +
      `rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${describeReason(reason)}".`,
  );
  error.name = 'UnhandledPromiseRejection';
  (error as Error & { code: string }).code = 'ERR_UNHANDLED_REJECTION';
  return error;
}

/** A reason as V8's side-effect-free toString shows it in Node's messages: no user code runs. */
export function describeReason(reason: unknown): string {
  if (typeof reason === 'function') return Function.prototype.toString.call(reason);
  if (typeof reason !== 'object' || reason === null) return String(reason);
  if (Array.isArray(reason)) return '[object Array]';
  const prototype = Object.getPrototypeOf(reason) as { constructor?: unknown } | null;
  const constructor = prototype && Object.getOwnPropertyDescriptor(prototype, 'constructor')?.value;
  return typeof constructor === 'function' && constructor.name ? `#<${constructor.name}>` : '[object Object]';
}
