// A realistic error for capacity tests and benches (issue 24, item 8): what a service's handler throws, not
// `new Error(label)`. A cause chain three deep, thrown a few calls down in this (in-app) file so every
// frame gets its context lines; with the scope the apps set (a user, 5 tags, 10 breadcrumbs) an event is
// ~10 KB on the wire. Plain JavaScript, so the apps and the bench import it as it is.

/** Reads a row as a repository would, failing as a driver does when the connection is gone. */
function readOrderRow(orderId) {
  const error = new Error(`connection terminated unexpectedly while reading order ${orderId}`);
  error.name = 'DatabaseError';
  throw Object.assign(error, { code: 'ECONNRESET', host: 'db-primary.internal:5432' });
}

/** The payment step: the service wraps what the repository threw, then the route's message wraps that. */
function chargeOrder(orderId, amountCents) {
  try {
    return readOrderRow(orderId);
  } catch (cause) {
    const wrapped = new Error(`could not load order ${orderId} for payment`, { cause });
    const error = new Error(`payment for order ${orderId} failed (${amountCents} cents)`, { cause: wrapped });
    error.name = 'CheckoutError';
    throw error;
  }
}

/** A thrown CheckoutError, caused by an Error, caused by a DatabaseError; its message is `label`. */
export function realisticError(label) {
  try {
    chargeOrder(`ord_${label.replace(/\W+/g, '_')}`, 4999);
  } catch (error) {
    error.message = label;
    return error;
  }
  throw new Error('unreachable: chargeOrder always throws');
}

/** The tags a handler sets besides the apps' region / tier / feature: five in all. */
export const REALISTIC_TAGS = { route: 'POST /api/checkout', 'payment.provider': 'acme-pay' };
