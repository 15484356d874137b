import { isThenable } from '../client/maybePromise';
import { monotonicNow } from '../monotonicNow';
import { getCurrentScope, withIsolationScope } from '../scope/currentScopes';
import { createPropagationContext } from '../propagationContext';
import { captureCheckIn } from './captureCheckIn';
import type { MonitorConfig } from './types';

/**
 * Runs a cron job between two check-ins: `in_progress` (with `monitorConfig`, which creates or updates
 * the monitor) before it starts, then `ok` or `error` with its duration in seconds when it returns, throws,
 * or its promise settles. Returns (or rethrows) what the callback does; runs in its own isolation scope.
 *
 * @example
 * withMonitor('nightly-report', () => buildReport(), { schedule: { type: 'crontab', value: '0 3 * * *' } });
 */
export function withMonitor<T>(monitorSlug: string, callback: () => T, monitorConfig?: MonitorConfig): T {
  return withIsolationScope(() => {
    if (monitorConfig?.isolateTrace) getCurrentScope().setPropagationContext(createPropagationContext());
    const checkInId = captureCheckIn({ monitorSlug, status: 'in_progress' }, monitorConfig);
    const started = monotonicNow();
    const finish = (status: 'ok' | 'error'): void => {
      captureCheckIn({ monitorSlug, status, checkInId, duration: (monotonicNow() - started) / 1000 });
    };
    let result: T;
    try {
      result = callback();
    } catch (error) {
      finish('error');
      throw error;
    }
    if (!isThenable(result)) {
      finish('ok');
      return result;
    }
    return Promise.resolve(result).then(
      (value) => {
        finish('ok');
        return value;
      },
      (error: unknown) => {
        finish('error');
        throw error;
      },
    ) as T;
  });
}
