import { getClient, getCurrentScope, type Client, type Mechanism, type Scope } from '@faultline/core';

const captured = new WeakSet<object>();

/** True when this error was already reported by a boundary (React 19 also passes it to onCaughtError). */
export function wasCaptured(error: unknown): boolean {
  return typeof error === 'object' && error !== null && captured.has(error);
}

/**
 * Reports a React error with its component stack: as the error's linked cause (so issues group by the
 * component, as people expect) and as `contexts.react`. Returns the event id.
 */
export function captureReactError(
  error: unknown,
  componentStack: string | undefined,
  mechanism: Partial<Mechanism>,
  options: { client?: Client; beforeCapture?: (scope: Scope) => void } = {},
): string {
  const client = options.client ?? getClient();
  if (!client) return '';
  if (typeof error === 'object' && error !== null) captured.add(error);
  const scope = getCurrentScope().clone();
  if (componentStack) {
    scope.setContext('react', { componentStack });
    attachComponentStack(error, componentStack);
  }
  options.beforeCapture?.(scope);
  return client.captureException(error, { mechanism }, scope);
}

/** Sets `error.cause` to an error whose stack is the component stack, unless a cause is already there. */
function attachComponentStack(error: unknown, componentStack: string): void {
  if (!(error instanceof Error) || error.cause !== undefined) return;
  const boundaryError = new Error(error.message);
  boundaryError.name = `React ErrorBoundary ${error.name}`;
  boundaryError.stack = `${boundaryError.name}: ${error.message}${componentStack}`;
  try {
    Object.defineProperty(error, 'cause', { value: boundaryError, configurable: true, writable: true });
  } catch {
    // a frozen error keeps no cause; the component stack is still in contexts.react
  }
}
