const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const HEX32 = /^[0-9a-f]{32}$/;

/**
 * The schema of a session payload, field by field: every key with the kind of its value (`iso-date`,
 * `hex32`, `string`, `number`, `boolean`, or the shape of a nested object or array element), so that what
 * Faultline sends can be compared with what Sentry's SDK sends for the same scenario, whatever the ids and
 * times. Keys are sorted; values that differ by nature (ids, times) compare equal by kind.
 */
export function sessionShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sessionShape);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sessionShape((value as Record<string, unknown>)[key])]),
    );
  }
  if (typeof value === 'string') return ISO_DATE.test(value) ? 'iso-date' : HEX32.test(value) ? 'hex32' : 'string';
  return typeof value;
}
