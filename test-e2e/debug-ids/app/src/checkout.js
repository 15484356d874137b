const CODES = { SUMMER: 10, WINTER: 15 };

export function applyDiscount(cart, code) {
  const amount = lookupDiscount(code);
  return { ...cart, total: cart.total - amount };
}

function lookupDiscount(code) {
  if (!(code in CODES)) {
    throw new RangeError(`Unknown discount code ${code}`);
  }
  return CODES[code];
}
