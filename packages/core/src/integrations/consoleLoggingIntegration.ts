import { getCarrier } from '../carrier';
import type { Integration } from '../client/types';
import { isLoggingInternally } from '../debugLogger';
import { installOnce } from '../installOnce';
import { installLogPipeline } from '../logs/installLogPipeline';
import type { LogLevel } from '../logs/types';
import { safeString } from '../normalize/safeString';

type ConsoleLogs = Integration & { levels: string[] };

const LEVEL: Record<string, LogLevel> = {
  debug: 'debug',
  info: 'info',
  log: 'info',
  warn: 'warn',
  error: 'error',
  trace: 'trace',
  assert: 'error',
};

/**
 * Sentry's ConsoleLogs: each `console.<level>` call (debug, info, log, warn, error, trace, assert by
 * default) is also sent as a structured log, with the current trace. The console prints as before; the
 * SDK's own lines are never sent. (`@faultline/node` maps this to `consoleIntegration({ logs: true })`.)
 */
/* @__NO_SIDE_EFFECTS__ */
export function consoleLoggingIntegration(options: { levels?: string[] } = {}): Integration {
  const integration: ConsoleLogs = {
    name: 'ConsoleLogs',
    levels: options.levels ?? Object.keys(LEVEL),
    setup() {
      installLogPipeline();
      installOnce('consoleLogs', patchConsole);
    },
  };
  return integration;
}

function patchConsole(): void {
  const target = (globalThis as unknown as { console?: Record<string, unknown> }).console;
  if (!target) return;
  for (const method of Object.keys(LEVEL)) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    target[method] = function (this: unknown, ...args: unknown[]) {
      log(method, args);
      return (original as (...data: unknown[]) => unknown).apply(this, args);
    };
  }
}

function log(method: string, args: unknown[]): void {
  try {
    const client = getCarrier().client;
    const active = client?.getIntegration('ConsoleLogs') as ConsoleLogs | undefined;
    if (!client || !active?.levels.includes(method) || isLoggingInternally()) return;
    if (method === 'assert' && args[0]) return;
    const shown = method === 'assert' ? args.slice(1) : args;
    const message = shown.map((arg) => safeString(arg)).join(' ');
    client.captureLog(LEVEL[method]!, method === 'assert' ? `Assertion failed: ${message}` : message, {
      'sentry.origin': 'auto.log.console',
    });
  } catch {
    // the console must keep working whatever happens here
  }
}
