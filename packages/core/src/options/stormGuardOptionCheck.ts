import { isIntegerIn, isObject } from './optionChecks';
import { showValue } from './showValue';
import type { OptionCheck } from './types';

const FIELD_CHECKS: Record<string, OptionCheck> = {
  limit: isIntegerIn(1, 1_000_000),
  windowMs: isIntegerIn(1, 86_400_000),
};

/**
 * Checks `stormGuard`: `false`, or `{ limit?, windowMs? }`. A wrong field is left out (its default
 * applies) and the rest is used, so a typo never switches the guard off.
 */
export const stormGuardOptionCheck: OptionCheck = (value) => {
  if (value === false) return undefined;
  if (isObject(value)) return 'expected false or { limit, windowMs }';
  const kept: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const check = FIELD_CHECKS[key];
    const problem = !check ? 'unknown field' : field === undefined ? undefined : check(field);
    if (typeof problem === 'string') problems.push(`${key}: ${problem}, got ${showValue(field)}; using the default`);
    else kept[key] = field;
  }
  return problems.length > 0 ? { value: kept, problems } : undefined;
};
