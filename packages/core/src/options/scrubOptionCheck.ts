import { isObject, isString } from './optionChecks';
import { suggestOption } from './suggestOption';
import type { OptionCheck } from './types';

const isStrings: OptionCheck = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'expected an array of strings';
const isPatterns: OptionCheck = (v) =>
  Array.isArray(v) && v.every((x) => x instanceof RegExp) ? undefined : 'expected an array of RegExps';
const isStringsOrPatterns: OptionCheck = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' || x instanceof RegExp)
    ? undefined
    : 'expected an array of strings and RegExps';

const FIELD_CHECKS: Record<string, OptionCheck> = {
  fields: isStrings,
  patterns: isPatterns,
  exemptFields: isStringsOrPatterns,
  redaction: isString,
  allowList: isStrings,
};

/**
 * Checks `scrub`: `false`, or `{ fields, patterns, exemptFields, redaction, allowList }`. A wrong or
 * unknown field is left out and the rest is used: a typo never switches scrubbing off.
 */
export const scrubOptionCheck: OptionCheck = (value) => {
  if (value === false) return undefined;
  if (isObject(value)) return 'expected false or { fields, patterns, exemptFields, redaction, allowList }';
  const kept: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) {
    if (fieldValue === undefined) continue;
    const check = FIELD_CHECKS[field];
    if (!check) {
      const suggestion = suggestOption(field, Object.keys(FIELD_CHECKS));
      problems.push(`${field}: unknown field, left out${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`);
    } else if (typeof check(fieldValue) === 'string')
      problems.push(`${field}: ${check(fieldValue) as string}; left out`);
    else kept[field] = fieldValue;
  }
  return problems.length > 0 ? { value: kept, problems } : undefined;
};
