import { fieldsCheck, isPatternList, isString } from './optionChecks';
import type { OptionCheck } from './types';

const isStrings: OptionCheck = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'expected an array of strings';

const fields = fieldsCheck(
  {
    fields: isStrings,
    patterns: (v) =>
      Array.isArray(v) && v.every((x) => x instanceof RegExp) ? undefined : 'expected an array of RegExps',
    exemptFields: isPatternList,
    redaction: isString,
    allowList: isStrings,
  },
  'expected false or { fields, patterns, exemptFields, redaction, allowList }',
);

/**
 * Checks `scrub`: `false`, or `{ fields, patterns, exemptFields, redaction, allowList }`. A wrong or
 * unknown field is left out and the rest is used: a typo never switches scrubbing off.
 */
export const scrubOptionCheck: OptionCheck = (value) => (value === false ? undefined : fields(value));
