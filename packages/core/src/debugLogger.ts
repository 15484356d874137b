import { getCarrier } from './carrier';

type Method = 'log' | 'warn' | 'error';

/** Set while the SDK itself writes to the console, so console integrations can skip their own lines. */
export function isLoggingInternally(): boolean {
  return getCarrier().loggingInternally === true;
}

function write(method: Method, args: unknown[]): void {
  const carrier = getCarrier();
  const sink = (globalThis as { console?: Partial<Record<Method, (...data: unknown[]) => void>> }).console;
  carrier.loggingInternally = true;
  try {
    sink?.[method]?.('[faultline]', ...args);
  } catch {
    // A broken console must not break the host app.
  } finally {
    carrier.loggingInternally = false;
  }
}

/** The SDK's internal logger: prefixed `[faultline]`, silent unless `debug: true`. */
export const debugLogger = {
  log: (...args: unknown[]): void => {
    if (getCarrier().debug) write('log', args);
  },
  warn: (...args: unknown[]): void => {
    if (getCarrier().debug) write('warn', args);
  },
  error: (...args: unknown[]): void => {
    if (getCarrier().debug) write('error', args);
  },
  /**
   * Configuration mistakes are printed even without `debug`, as are the failures they cause (no DSN, a
   * destination rejecting what it is sent): a silently disabled SDK is the one failure a user cannot notice
   * any other way. Callers keep it to one line per cause, not one per event.
   */
  configProblem: (message: string): void => write('warn', [message]),
  /** One line about how the SDK was set up, printed even without `debug` (say, which variables it read). */
  notice: (message: string): void => write('log', [message]),
};
