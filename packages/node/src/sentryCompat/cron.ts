import { captureException, withMonitor, type MonitorConfig } from '@faultline/core';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** A crontab with month and day names as numbers (Sentry's monitors take numbers only). */
function numericCrontab(expression: string): string {
  return expression
    .replace(/\b(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\b/gi, (name) =>
      String(MONTHS.indexOf(name.toUpperCase()) + 1),
    )
    .replace(/\b(SUN|MON|TUE|WED|THU|FRI|SAT)\b/gi, (name) => String(DAYS.indexOf(name.toUpperCase())));
}

type NodeCron = {
  schedule(
    expression: string,
    callback: (...args: unknown[]) => unknown,
    options?: { name?: string; timezone?: string },
  ): unknown;
};
type NodeSchedule = { scheduleJob(name: string, expression: string, callback: () => unknown): unknown };
type CronJobClass = (new (cronTime: string, onTick: (...args: unknown[]) => unknown, ...rest: unknown[]) => unknown) & {
  from?(params: { cronTime: string; onTick: (...args: unknown[]) => unknown; [key: string]: unknown }): unknown;
};

/**
 * Sentry's cron instrumentation: the job libraries, wrapped so that every run is a monitored check-in
 * (`withMonitor`, with the job's crontab as the monitor's schedule).
 */
export const cron = {
  /** `cron.instrumentNodeCron(nodeCron).schedule(expr, fn, { name })`: each run of a named job is checked in. */
  instrumentNodeCron<T extends NodeCron>(lib: T, monitorConfig: Partial<MonitorConfig> = {}): T {
    return new Proxy(lib, {
      get(target, property, receiver) {
        if (property !== 'schedule') return Reflect.get(target, property, receiver) as unknown;
        return (
          expression: string,
          callback: (...args: unknown[]) => unknown,
          options?: { name?: string; timezone?: string },
        ) => {
          const name = options?.name;
          if (!name) throw new Error('Missing "name" for scheduled job. A name is required for check-in monitoring.');
          const config = {
            schedule: { type: 'crontab' as const, value: numericCrontab(expression) },
            timezone: options?.timezone,
            ...monitorConfig,
          };
          const monitored = (...args: unknown[]) =>
            withMonitor(
              name,
              async () => {
                try {
                  return await callback(...args);
                } catch (error) {
                  captureException(error, { mechanism: { handled: false, type: 'auto.function.node-cron' } });
                  throw error;
                }
              },
              config,
            );
          return target.schedule(expression, monitored, options);
        };
      },
    });
  },
  /** `cron.instrumentNodeSchedule(schedule).scheduleJob(name, expr, fn)`: each run is checked in under `name`. */
  instrumentNodeSchedule<T extends NodeSchedule>(lib: T): T {
    return new Proxy(lib, {
      get(target, property, receiver) {
        if (property !== 'scheduleJob') return Reflect.get(target, property, receiver) as unknown;
        return (name: unknown, expression: unknown, callback: unknown) => {
          if (typeof name !== 'string' || typeof expression !== 'string' || typeof callback !== 'function') {
            throw new Error('Instrumented node-schedule needs scheduleJob(name, crontab, callback).');
          }
          const schedule = { type: 'crontab' as const, value: numericCrontab(expression) };
          return target.scheduleJob(name, expression, () => withMonitor(name, async () => callback(), { schedule }));
        };
      },
    });
  },
  /** `cron.instrumentCron(CronJob, 'slug')`: every job made from the class checks in under `monitorSlug`. */
  instrumentCron<T extends CronJobClass>(lib: T, monitorSlug: string): T {
    const wrap = (cronTime: string, onTick: (...args: unknown[]) => unknown) => {
      const schedule = { type: 'crontab' as const, value: numericCrontab(String(cronTime)) };
      return (...args: unknown[]) => withMonitor(monitorSlug, () => onTick(...args), { schedule });
    };
    return new Proxy(lib, {
      construct(target, [cronTime, onTick, ...rest]: [string, (...args: unknown[]) => unknown, ...unknown[]]) {
        return new target(cronTime, wrap(cronTime, onTick), ...rest) as object;
      },
      get(target, property, receiver) {
        if (property !== 'from' || !target.from) return Reflect.get(target, property, receiver) as unknown;
        return (params: { cronTime: string; onTick: (...args: unknown[]) => unknown }) =>
          target.from!({ ...params, onTick: wrap(params.cronTime, params.onTick) });
      },
    });
  },
};
