import { getCarrier } from '../carrier';
import { safeString } from '../normalize/safeString';
import { installLogPipeline } from './installLogPipeline';
import type { LogLevel } from './types';

const LEVELS: Record<string, LogLevel> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  info: 'info',
  success: 'info',
  fail: 'error',
  ready: 'info',
  start: 'info',
  box: 'info',
  debug: 'debug',
  trace: 'trace',
  verbose: 'trace',
};

/**
 * Sentry's consola reporter: `consola.addReporter(createConsolaReporter())` sends every consola record as
 * a structured log (its type as the level, its tag as `consola.tag`), with the current trace.
 */
export function createConsolaReporter(options: { levels?: string[] } = {}): {
  log(record: { type?: string; tag?: string; args?: unknown[]; message?: unknown }): void;
} {
  installLogPipeline();
  return {
    log(record) {
      try {
        const type = String(record?.type ?? 'log');
        if (options.levels && !options.levels.includes(type)) return;
        const parts = record.args ?? (record.message !== undefined ? [record.message] : []);
        const attributes: Record<string, unknown> = { 'sentry.origin': 'auto.log.consola', 'consola.type': type };
        if (record.tag) attributes['consola.tag'] = record.tag;
        getCarrier().client?.captureLog(
          LEVELS[type] ?? 'info',
          parts.map((part) => safeString(part)).join(' '),
          attributes,
        );
      } catch {
        // a reporter must never break the app's logging
      }
    },
  };
}
