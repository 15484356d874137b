import type { ResolvedOptions } from '../client/types';
import { SEVERITY_NUMBER } from '../logs/logLevels';
import type { LogLevel } from '../logs/types';

/** Whether a log at `level` is captured (counted as such) rather than left out by `enableLogs` / `minLevel`. */
export function isLogCaptured(options: ResolvedOptions, level: LogLevel): boolean {
  return options.enableLogs !== false && SEVERITY_NUMBER[level] >= SEVERITY_NUMBER[options.minLevel ?? 'info'];
}
