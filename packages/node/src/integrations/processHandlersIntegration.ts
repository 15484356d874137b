import { endSessions, getClient, installOnce, type Integration } from '@faultline/core';
import { captureOnce } from '../captureOnce';

export type UnhandledRejectionMode = 'warn' | 'strict' | 'none';

export interface ProcessHandlersOptions {
  /** How long to wait for delivery before exiting on a fatal error. Default 2000 ms. */
  shutdownTimeout?: number;
  /** Called (after the flush) instead of printing and exiting with code 1. */
  onFatalError?: (error: unknown) => void;
  /** `warn` (capture and print, keep running), `strict` (capture, then exit like an uncaught error), `none` (capture only). */
  unhandledRejection?: UnhandledRejectionMode;
}

/**
 * Uncaught exceptions are captured at level `fatal`, flushed within `shutdownTimeout`, then the process
 * behaves as Node would (print, exit 1) unless the app listens for them itself or gave `onFatalError`.
 */
type ProcessHandlers = Integration & { options: ProcessHandlersOptions };

/* @__NO_SIDE_EFFECTS__ */
export function processHandlersIntegration(options: ProcessHandlersOptions = {}): Integration {
  const integration: ProcessHandlers = {
    name: 'ProcessHandlers',
    options,
    setup() {
      installOnce('process-handlers', () => {
        process.on('uncaughtException', onUncaughtException);
        process.on('unhandledRejection', onUnhandledRejection);
        return () => {
          process.off('uncaughtException', onUncaughtException);
          process.off('unhandledRejection', onUnhandledRejection);
        };
      });
    },
  };
  return integration;
}

/** The options of the current client's handlers (a later init's, not the first one's). */
function currentOptions(): ProcessHandlersOptions {
  return (getClient()?.getIntegration('ProcessHandlers') as ProcessHandlers | undefined)?.options ?? {};
}

let dying = false;

/**
 * Ends the process as Node would for an uncaught error (stack on stderr, exit code 1), after delivery had
 * `shutdownTimeout` to finish. The exit code is set first: should the process end some other way while
 * the flush waits, a crash still does not count as a success.
 */
function die(error: unknown): void {
  if (dying) return;
  dying = true;
  const { onFatalError, shutdownTimeout = 2000 } = currentOptions();
  if (!onFatalError) {
    process.exitCode = 1;
    process.stderr.write(`${error instanceof Error ? (error.stack ?? String(error)) : `Uncaught ${String(error)}`}\n`);
  }
  const finish = (): void => {
    if (onFatalError) return onFatalError(error);
    process.exit(1);
  };
  const client = getClient();
  if (!client) return finish();
  endSessions('crashed'); // a crash captured as handled elsewhere still ends the session as one
  // The flush's timeout keeps the process alive until delivery is done or the time is up.
  void Promise.resolve(client.flush(shutdownTimeout)).then(finish, finish);
}

function onUncaughtException(error: unknown): void {
  captureOnce(error, { type: 'onuncaughtexception', handled: false }, 'fatal');
  // With other listeners the app has taken responsibility for the process, as in Node itself.
  if (process.listenerCount('uncaughtException') <= 1 || currentOptions().onFatalError) die(error);
}

function onUnhandledRejection(reason: unknown): void {
  captureOnce(reason, { type: 'onunhandledrejection', handled: false });
  if (process.listenerCount('unhandledRejection') > 1) return;
  const mode = currentOptions().unhandledRejection ?? 'warn';
  if (mode === 'strict') die(reason);
  else if (mode === 'warn') {
    process.stderr.write(
      `[faultline] Unhandled promise rejection (captured; the process keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`,
    );
  }
}
