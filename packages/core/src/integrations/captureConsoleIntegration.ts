import { getCarrier } from '../carrier';
import type { Integration } from '../client/types';
import { isLoggingInternally } from '../debugLogger';
import { isError } from '../event/isError';
import { installOnce } from '../installOnce';
import { safeString } from '../normalize/safeString';
import type { SeverityLevel } from '../types';

type ConsoleLevel = 'debug' | 'info' | 'warn' | 'error' | 'log' | 'assert' | 'trace';
type CaptureConsole = Integration & { levels: string[]; handled: boolean };

const LEVELS: ConsoleLevel[] = ['debug', 'info', 'warn', 'error', 'log', 'assert', 'trace'];
const SEVERITY: Record<string, SeverityLevel> = { warn: 'warning', trace: 'debug', assert: 'error' };

/**
 * Sentry's CaptureConsole: every `console.<level>` call (all levels by default) becomes an event — the
 * Error among its arguments as an exception, otherwise the joined arguments as a message — with the
 * arguments in `extra.arguments` and `logger: 'console'`. The console still prints as before; the SDK's
 * own lines are never captured.
 */
/* @__NO_SIDE_EFFECTS__ */
export function captureConsoleIntegration(options: { levels?: string[]; handled?: boolean } = {}): Integration {
  const integration: CaptureConsole = {
    name: 'CaptureConsole',
    levels: options.levels ?? LEVELS,
    handled: options.handled ?? true,
    setup() {
      installOnce('captureConsole', patchConsole);
    },
  };
  return integration;
}

function patchConsole(): void {
  const target = (globalThis as unknown as { console?: Record<string, unknown> }).console;
  if (!target) return;
  for (const level of LEVELS) {
    const original = target[level];
    if (typeof original !== 'function') continue;
    target[level] = function (this: unknown, ...args: unknown[]) {
      capture(level, args);
      return (original as (...data: unknown[]) => unknown).apply(this, args);
    };
  }
}

function capture(level: ConsoleLevel, args: unknown[]): void {
  try {
    const client = getCarrier().client;
    const active = client?.getIntegration('CaptureConsole') as CaptureConsole | undefined;
    if (!client || !active?.levels.includes(level) || isLoggingInternally()) return;
    if (level === 'assert' && args[0]) return;
    const shown = level === 'assert' ? args.slice(1) : args;
    const scope = getCarrier().strategy.getScopes().scope.clone();
    scope.setLevel(SEVERITY[level] ?? (level as SeverityLevel));
    scope.setExtra('arguments', shown);
    scope.addEventProcessor((event) => ({ ...event, logger: 'console' }));
    const mechanism = { type: 'auto.core.capture_console', handled: active.handled };
    const error = shown.find((arg) => isError(arg));
    if (error) {
      client.captureException(error, { mechanism }, scope);
      return;
    }
    const text = shown.map((arg) => safeString(arg)).join(' ');
    const message = level === 'assert' ? `Assertion failed: ${text || 'console.assert'}` : text;
    client.captureMessage(message, SEVERITY[level] ?? (level as SeverityLevel), { mechanism }, scope);
  } catch {
    // the console must keep working whatever happens here
  }
}
