import { optionHelp } from './optionHelp';
import type { OptionCheck } from './types';

// The checks most options are made of.
export const isString: OptionCheck = (v) => (typeof v === 'string' ? undefined : 'expected a string');
export const isBoolean: OptionCheck = (v) => (typeof v === 'boolean' ? undefined : 'expected true or false');
export const isFunction: OptionCheck = (v) => (typeof v === 'function' ? undefined : 'expected a function');
export const isObject: OptionCheck = (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : 'expected an object';
export const isIntegerIn =
  (min: number, max: number): OptionCheck =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? undefined
      : `expected a whole number from ${min} to ${max}`;
export const isPatternList: OptionCheck = (v) =>
  Array.isArray(v) && v.every((p) => typeof p === 'string' || p instanceof RegExp)
    ? undefined
    : 'expected an array of strings and RegExps';

/**
 * A check for an object option made of fields (`scrub`, `loki`): a wrong or unknown field is left out and
 * the rest is used, so one typo does not cost the whole option.
 */
export const fieldsCheck =
  (fields: Record<string, OptionCheck>, expected: string): OptionCheck =>
  (value) => {
    if (isObject(value)) return expected;
    const kept: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const check = fields[field];
      const problem = check ? fieldValue !== undefined && check(fieldValue) : 'unknown field';
      if (typeof problem !== 'string') kept[field] = fieldValue;
      else {
        // "Did you mean" where the option help is (not in production browser bundles); the field is named anyway.
        const suggestion = check ? undefined : optionHelp()?.suggest(field, Object.keys(fields));
        problems.push(`${field}: ${problem}, left out${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`);
      }
    }
    return problems.length > 0 ? { value: kept, problems } : undefined;
  };
