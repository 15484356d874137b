import type { LogLevel } from '@faultline/core';

/** pino's numeric levels; custom levels fall to the nearest standard one below. */
export function levelFromPino(level: number): LogLevel {
  if (level >= 60) return 'fatal';
  if (level >= 50) return 'error';
  if (level >= 40) return 'warn';
  if (level >= 30) return 'info';
  if (level >= 20) return 'debug';
  return 'trace';
}

const NAMED: Record<string, LogLevel> = {
  // winston npm levels
  error: 'error',
  warn: 'warn',
  info: 'info',
  http: 'debug',
  verbose: 'debug',
  debug: 'debug',
  silly: 'trace',
  // syslog levels and common custom names
  emerg: 'fatal',
  alert: 'fatal',
  crit: 'fatal',
  critical: 'fatal',
  fatal: 'fatal',
  warning: 'warn',
  notice: 'info',
  trace: 'trace',
};

/** A named level (winston's npm or syslog levels, console methods); unknown names are `info`. */
export function levelFromName(level: string): LogLevel {
  return NAMED[level.toLowerCase()] ?? 'info';
}
