import { format } from 'node:util';
import { getClient, installLogPipeline, installOnce, isLoggingInternally, type Integration } from '@faultline/core';
import { bridgeLog } from '../logging/bridgeLog';
import { levelFromName } from '../logging/logLevels';

type ConsoleIntegration = Integration & { logs: boolean };

/**
 * `console.*` as breadcrumbs on the current request's scope, and with `{ logs: true }` as structured logs
 * too. The console prints as before; the SDK's own console lines are never recorded. The patch is
 * installed once and follows the current client's settings.
 */
/* @__NO_SIDE_EFFECTS__ */
export function consoleIntegration(options: { logs?: boolean } = {}): Integration {
  const integration: ConsoleIntegration = {
    name: 'Console',
    logs: options.logs === true,
    setup() {
      if (integration.logs) installLogPipeline();
      installOnce('node.console', patchConsole);
    },
  };
  return integration;
}

function patchConsole(): void {
  const target = console as unknown as Record<string, (...args: unknown[]) => void>;
  for (const method of ['debug', 'info', 'log', 'warn', 'error', 'trace']) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    target[method] = function (this: unknown, ...args: unknown[]) {
      const active = getClient()?.getIntegration('Console') as ConsoleIntegration | undefined;
      if (active && !isLoggingInternally()) {
        bridgeLog(
          {
            level: levelFromName(method === 'log' ? 'info' : method),
            message: format(...args),
            attributes: {},
            source: 'console',
          },
          { logs: active.logs },
        );
      }
      original.apply(this, args);
    };
  }
}
