import {
  addBreadcrumb,
  installOnce,
  isLoggingInternally,
  normalize,
  safeJsonStringify,
  type Integration,
  type SeverityLevel,
} from '@faultline/core';

const LEVELS: Record<string, SeverityLevel> = {
  debug: 'debug',
  info: 'info',
  log: 'log',
  warn: 'warning',
  error: 'error',
  assert: 'error',
};

/** Records `console.*` calls as breadcrumbs (arguments normalized); the console still prints as before. */
/* @__NO_SIDE_EFFECTS__ */
export function consoleBreadcrumbsIntegration(): Integration {
  return {
    name: 'ConsoleBreadcrumbs',
    setup() {
      installOnce('browser.console', () => {
        const target = console as unknown as Record<string, (...args: unknown[]) => unknown>;
        for (const method of Object.keys(LEVELS)) {
          const original = target[method];
          if (typeof original !== 'function') continue;
          target[method] = function (this: unknown, ...args: unknown[]) {
            if (!isLoggingInternally() && (method !== 'assert' || !args[0]))
              record(method, method === 'assert' ? args.slice(1) : args);
            return original.apply(this, args);
          };
        }
      });
    },
  };
}

function record(method: string, args: unknown[]): void {
  try {
    const message = args
      .map((arg) =>
        typeof arg === 'string'
          ? arg
          : safeJsonStringify(normalize(arg, { depth: 2, maxBreadth: 20, maxStringLength: 200 })),
      )
      .join(' ');
    addBreadcrumb({
      category: 'console',
      level: LEVELS[method],
      message: method === 'assert' ? `Assertion failed: ${message}` : message,
      data: { logger: 'console', arguments: args },
    });
  } catch {
    // a breadcrumb is never worth an exception
  }
}
