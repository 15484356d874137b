import { captureException, flush } from '@faultline/core';

/**
 * Wraps a serverless handler: an error it throws is captured (and rethrown), and everything captured
 * during the invocation is delivered before the platform freezes the process.
 */
export function withFlush<A extends unknown[], R>(
  handler: (...args: A) => R | Promise<R>,
  timeout = 2000,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      captureException(error, { mechanism: { type: 'serverless', handled: false } });
      throw error;
    } finally {
      await flush(timeout);
    }
  };
}
