import type { Integration } from '@faultline/core';

/**
 * Sentry's NodeSystemError: for a Node system error (`ENOENT`, `ECONNREFUSED`, …), its `code`, `errno`
 * and `syscall` in `contexts.node_system_error` — and `path` / `dest` only with `sendDefaultPii`, since
 * file paths can name people.
 */
export function systemErrorIntegration(options: { includePaths?: boolean } = {}): Integration {
  return {
    name: 'NodeSystemError',
    processEvent(event, hint, client) {
      const error = hint.originalException as Record<string, unknown> | undefined;
      if (!(error instanceof Error) || typeof error.code !== 'string' || typeof error.syscall !== 'string')
        return event;
      const context: Record<string, unknown> = { code: error.code, errno: error.errno, syscall: error.syscall };
      if (options.includePaths ?? client.getOptions().sendDefaultPii) {
        if (error.path !== undefined) context.path = error.path;
        if (error.dest !== undefined) context.dest = error.dest;
      }
      return { ...event, contexts: { ...event.contexts, node_system_error: context } };
    },
  };
}
