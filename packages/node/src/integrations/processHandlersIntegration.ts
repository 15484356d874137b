import { inspect } from 'node:util';
import { endSessions, getClient, installOnce, markCaptured, type Integration } from '@faultline/core';
import { captureOnce } from '../captureOnce';
import { emitRejectionWarning } from '../emitRejectionWarning';
import { isErrorLike, rejectionError } from '../rejectionError';
import { unhandledRejectionsMode } from '../unhandledRejectionsMode';

/**
 * `node` (default): capture, then what Node does without the SDK (its `--unhandled-rejections` mode: by
 * default the process ends as for an uncaught error, exit code 1); `warn`: capture, print, keep running;
 * `strict`: capture, then exit 1 whatever Node's mode; `none`: capture only.
 */
export type UnhandledRejectionMode = 'node' | 'warn' | 'strict' | 'none';

export interface ProcessHandlersOptions {
  /** How long to wait for delivery before exiting on a fatal error. Default 2000 ms. */
  shutdownTimeout?: number;
  /** Called (after the flush) instead of printing and exiting with code 1. */
  onFatalError?: (error: unknown) => void;
  /** What follows the capture of an unhandled rejection; default `node`, as the process would without the SDK. */
  unhandledRejection?: UnhandledRejectionMode;
}

/**
 * Uncaught exceptions are captured at level `fatal`, unhandled rejections at `error`; both are flushed
 * within `shutdownTimeout` before the process ends, and the process behaves as Node would (print, exit 1)
 * unless the app listens for them itself or gave `onFatalError`.
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

const REJECTION = { type: 'onunhandledrejection', handled: false };
let dying = false;

/**
 * Ends the process as Node would for an uncaught error (the error on stderr, exit code 1), after delivery
 * had `shutdownTimeout` to finish. The exit code is set first: should the process end some other way while
 * the flush waits, a crash still does not count as a success.
 */
function die(error: unknown): void {
  if (dying) return;
  dying = true;
  const { onFatalError, shutdownTimeout = 2000 } = currentOptions();
  if (!onFatalError) {
    process.exitCode = 1;
    const shown = isErrorLike(error) ? inspect(error) : `Uncaught ${inspect(error)}`;
    process.stderr.write(`${shown}\n\nNode.js ${process.version}\n`);
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

/** `origin` is `unhandledRejection` when Node (strict mode) or the SDK raised a rejection as uncaught. */
function onUncaughtException(error: unknown, origin?: string): void {
  if (origin === 'unhandledRejection') captureOnce(error, REJECTION);
  else captureOnce(error, { type: 'onuncaughtexception', handled: false }, 'fatal');
  // With other listeners the app has taken responsibility for the process, as in Node itself.
  if (process.listenerCount('uncaughtException') <= 1 || currentOptions().onFatalError) die(error);
}

function onUnhandledRejection(reason: unknown): void {
  const nodeMode = unhandledRejectionsMode();
  // In strict mode Node raised it as an uncaught exception before this event, and it was captured there.
  if (nodeMode !== 'strict') captureOnce(reason, REJECTION);
  // The app's own listener takes responsibility, as in Node.
  if (process.listenerCount('unhandledRejection') > 1 || dying) return;
  const mode = currentOptions().unhandledRejection ?? 'node';
  if (mode === 'strict') die(rejectionError(reason));
  else if (mode === 'warn') {
    process.stderr.write(
      `[faultline] Unhandled promise rejection (captured; the process keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`,
    );
  } else if (mode === 'node') asNodeWould(reason, nodeMode);
}

/** What Node does with a rejection nobody listens for, which it no longer does since this SDK listens. */
function asNodeWould(reason: unknown, nodeMode: ReturnType<typeof unhandledRejectionsMode>): void {
  if (nodeMode === 'throw') {
    const error = rejectionError(reason);
    markCaptured(error); // the wrapper of a non-error reason is the same failure
    // As Node's own path does: monitors, then the listeners (the app's, which may keep the process alive,
    // and this SDK's, which ends it when there is none).
    const emit = process.emit as (event: string, ...args: unknown[]) => boolean;
    emit.call(process, 'uncaughtExceptionMonitor', error, 'unhandledRejection');
    emit.call(process, 'uncaughtException', error, 'unhandledRejection');
  } else if (nodeMode === 'warn-with-error-code') {
    emitRejectionWarning(reason);
    process.exitCode = 1;
  } else if (nodeMode === 'strict') {
    // The app's uncaughtException listener kept the process alive; Node then warns.
    emitRejectionWarning(reason);
  }
  // `warn`: Node prints its warning itself; `none`: nothing.
}
