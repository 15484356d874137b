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
