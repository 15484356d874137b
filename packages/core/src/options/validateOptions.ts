import type { CoreOptions } from '../client/types';
import { parseDsn } from '../dsn';
import { safeString } from '../normalize/safeString';
import type { Dsn } from '../types';

/** Checks one option's value; returns what is wrong, or undefined. */
export type OptionCheck = (value: unknown) => string | undefined;

const isString: OptionCheck = (v) => (typeof v === 'string' ? undefined : 'expected a string');
const isBoolean: OptionCheck = (v) => (typeof v === 'boolean' ? undefined : 'expected true or false');
const isFunction: OptionCheck = (v) => (typeof v === 'function' ? undefined : 'expected a function');
const isIntegerIn =
  (min: number, max: number): OptionCheck =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? undefined
      : `expected a whole number from ${min} to ${max}`;
const isPatternList: OptionCheck = (v) =>
  Array.isArray(v) && v.every((p) => typeof p === 'string' || p instanceof RegExp)
    ? undefined
    : 'expected an array of strings and RegExps';
const isIntegrations: OptionCheck = (v) =>
  typeof v === 'function' ||
  (Array.isArray(v) && v.every((i) => typeof (i as { name?: unknown } | null)?.name === 'string'))
    ? undefined
    : 'expected an array of integrations ({ name, … }) or a function of the defaults';
const isDsn: OptionCheck = (v) => {
  if (typeof v !== 'string') return 'expected a string';
  if (v === '') return undefined;
  const dsn = parseDsn(v);
  return typeof dsn === 'string' ? dsn : undefined;
};

/** The checks for every core option; platforms add theirs. */
export const CORE_OPTION_CHECKS: Record<string, OptionCheck> = {
  dsn: isDsn,
  release: isString,
  environment: isString,
  dist: isString,
  serverName: isString,
  tunnel: isString,
  sampleRate: (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'expected a number from 0 to 1'),
  errorsSampler: isFunction,
  beforeSend: isFunction,
  beforeBreadcrumb: isFunction,
  maxBreadcrumbs: isIntegerIn(0, 1000),
  normalizeDepth: isIntegerIn(0, 100),
  normalizeMaxBreadth: isIntegerIn(1, 100_000),
  maxValueLength: isIntegerIn(1, 1_000_000),
  attachStacktrace: isBoolean,
  ignoreErrors: isPatternList,
  denyUrls: isPatternList,
  allowUrls: isPatternList,
  integrations: isIntegrations,
  transport: isFunction,
  debug: isBoolean,
  enabled: isBoolean,
  service: isString,
  enableLogs: isBoolean,
  minLevel: (v) =>
    typeof v === 'string' && ['trace', 'debug', 'info', 'warn', 'error', 'fatal'].includes(v)
      ? undefined
      : 'expected one of trace, debug, info, warn, error, fatal',
  beforeSendLog: isFunction,
  scrub: (v) =>
    v === false || (typeof v === 'object' && v !== null && !Array.isArray(v))
      ? undefined
      : 'expected false or { fields, patterns, exemptFields, redaction, allowList }',
  sendDefaultPii: isBoolean,
  tracePropagationTargets: isPatternList,
  propagateSentryTrace: isBoolean,
};

export interface OptionsCheckResult {
  problems: string[];
  dsn?: Dsn;
}

/**
 * Checks every option at once and lists every problem, so a user fixes their config in one round.
 * `undefined` always passes: it means "use the default".
 */
export function validateOptions(
  options: unknown,
  checks: Record<string, OptionCheck> = CORE_OPTION_CHECKS,
): OptionsCheckResult {
  if (typeof options !== 'object' || options === null) {
    return { problems: [`options: expected an object, got ${describe(options)}`] };
  }
  const problems: string[] = [];
  for (const [key, check] of Object.entries(checks)) {
    let value: unknown;
    try {
      value = (options as Record<string, unknown>)[key];
    } catch {
      problems.push(`${key}: could not be read`);
      continue;
    }
    if (value === undefined) continue;
    const problem = check(value);
    if (problem) problems.push(`${key}: ${problem}, got ${describe(value)}`);
  }
  const { dsn } = options as CoreOptions;
  const parsed = typeof dsn === 'string' && dsn !== '' ? parseDsn(dsn) : undefined;
  return { problems, dsn: typeof parsed === 'object' ? parsed : undefined };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(safeString(value, 80));
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return safeString(value, 80);
}
