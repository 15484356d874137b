import { describe, expect, it } from 'vitest';
import { showValue } from '../../src/options/showValue';

describe('showValue', () => {
  it('shows a raw value as a user would recognise it, bounded', () => {
    expect(showValue('50%')).toBe('"50%"');
    expect(showValue(7)).toBe('7');
    expect(showValue(/x/i)).toBe('/x/i');
    expect(showValue([1, 'a'])).toBe('[1, "a"]');
    expect(showValue('x'.repeat(200))).toBe(`"${'x'.repeat(80)}…"`);
  });

  it('does not spell out objects or functions, which may hold credentials', () => {
    expect(showValue({ password: 'hunter2' })).toBe('an object');
    expect(showValue(() => 'secret')).toBe('a function');
  });
});
