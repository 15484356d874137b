import { describeReason, isErrorLike } from './rejectionError';

let rejectionId = 0;

/**
 * Prints the two warnings Node prints for an unhandled rejection in its `warn` and `warn-with-error-code`
 * modes (through `process.emitWarning`, so `--no-warnings` and `warning` listeners apply as in Node).
 */
export function emitRejectionWarning(reason: unknown): void {
  try {
    process.emitWarning(
      isErrorLike(reason) ? String(reason.stack) : describeReason(reason),
      'UnhandledPromiseRejectionWarning',
    );
    const warning = new Error(
      'Unhandled promise rejection. This error originated either by throwing inside of an async function ' +
        'without a catch block, or by rejecting a promise which was not handled with .catch(). To terminate the ' +
        'node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict` (see ' +
        `https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection id: ${++rejectionId})`,
    );
    warning.name = 'UnhandledPromiseRejectionWarning';
    process.emitWarning(warning);
  } catch {
    // a warning is not worth an error in the app
  }
}
