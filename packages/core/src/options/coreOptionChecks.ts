import { parseDsn } from '../dsn';
import { isBoolean, isFunction, isIntegerIn, isPatternList, isString } from './optionChecks';
import { scrubOptionCheck } from './scrubOptionCheck';
import { stormGuardOptionCheck } from './stormGuardOptionCheck';
import type { OptionCheck } from './types';

// Replaced by bundlers: production builds keep a short form of each message (the option and what it takes).
declare const process: { env: { NODE_ENV?: string } };

const isIntegrations: OptionCheck = (v) =>
  typeof v === 'function' ||
  (Array.isArray(v) && v.every((i) => typeof (i as { name?: unknown } | null)?.name === 'string'))
    ? undefined
    : process.env.NODE_ENV !== 'production'
      ? 'expected an array of integrations ({ name, … }) or a function of the defaults'
      : 'expected an array or a function';
const isDsn: OptionCheck = (v) => {
  if (typeof v !== 'string') return 'expected a string';
  if (v === '') return undefined;
  const dsn = parseDsn(v);
  return typeof dsn === 'string' ? dsn : undefined;
};
// A tunnel is a URL on another server, or a path on this origin (browsers).
const isTunnel: OptionCheck = (v) =>
  typeof v === 'string' && /^(https?:\/\/[^/\s?#]+|\/)[^\s]*$/.test(v)
    ? undefined
    : process.env.NODE_ENV !== 'production'
      ? 'expected an http(s) URL or a path starting with /'
      : 'expected a URL or a path';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** Options whose problem stops sending: without a usable destination nothing can go out. */
export const FATAL_OPTIONS: readonly string[] = ['dsn', 'tunnel'];

/** The checks for every core option; platforms add theirs. */
export const CORE_OPTION_CHECKS: Record<string, OptionCheck> = {
  dsn: isDsn,
  release: isString,
  environment: isString,
  dist: isString,
  serverName: isString,
  tunnel: isTunnel,
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
  minLevel: (v) => (LOG_LEVELS.includes(v as string) ? undefined : `expected one of ${LOG_LEVELS.join(', ')}`),
  beforeSendLog: isFunction,
  scrub: scrubOptionCheck,
  sendDefaultPii: isBoolean,
  tracePropagationTargets: isPatternList,
  propagateSentryTrace: isBoolean,
  initialScope: (v) =>
    typeof v === 'function' || (typeof v === 'object' && v !== null && !Array.isArray(v))
      ? undefined
      : process.env.NODE_ENV !== 'production'
        ? 'expected { tags, user, extra, contexts, level, fingerprint } or a function of the scope'
        : 'expected an object or a function',
  stormGuard: stormGuardOptionCheck,
  autoSessionTracking: isBoolean,
  sdkMetrics: isBoolean,
};
