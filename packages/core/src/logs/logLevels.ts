import type { SeverityLevel } from '../types';
import type { LogLevel } from './types';

/** OpenTelemetry severity numbers, which Sentry's log protocol uses. */
export const SEVERITY_NUMBER: Record<LogLevel, number> = {
  trace: 1,
  debug: 5,
  info: 9,
  warn: 13,
  error: 17,
  fatal: 21,
};

/** The breadcrumb level a log becomes. */
export const BREADCRUMB_LEVEL: Record<LogLevel, SeverityLevel> = {
  trace: 'debug',
  debug: 'debug',
  info: 'info',
  warn: 'warning',
  error: 'error',
  fatal: 'fatal',
};
