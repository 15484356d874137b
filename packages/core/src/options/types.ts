/**
 * Checks one option's value: returns what is wrong (the option is then ignored and its default used),
 * `undefined` when it is fine, or a repair: the part of the value that is usable, and what was left out.
 */
export type OptionCheck = (value: unknown) => string | undefined | OptionRepair;

/** A value that is usable once its wrong parts are left out. */
export interface OptionRepair {
  value: unknown;
  problems: string[];
}
