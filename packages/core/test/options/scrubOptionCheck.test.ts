import { CORE_OPTION_CHECKS } from '@faultline/core';
import { describe, expect, it } from 'vitest';

describe('scrubOptionCheck', () => {
  const check = CORE_OPTION_CHECKS.scrub!;

  it('accepts false and valid fields', () => {
    expect(check(false)).toBeUndefined();
    expect(
      check({ fields: ['ssn'], patterns: [/\d{9}/g], exemptFields: ['id', /^x_/], redaction: '***' }),
    ).toBeUndefined();
  });

  it('keeps scrubbing on with the usable fields when one is wrong or misspelled', () => {
    expect(check({ field: ['ssn'], redaction: '***', patterns: ['\\d+'] })).toEqual({
      value: { redaction: '***' },
      problems: [
        'field: unknown field, left out; did you mean `fields`?',
        'patterns: expected an array of RegExps, left out',
      ],
    });
    expect(check(true)).toBe('expected false or { fields, patterns, exemptFields, redaction, allowList }');
  });
});
