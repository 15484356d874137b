import { useCallback, useState } from 'react';

/**
 * Sends an error from an event handler or async code to the nearest ErrorBoundary, which reports it and
 * shows its fallback: `const { showBoundary } = useErrorBoundary(); fetch(…).catch(showBoundary)`.
 */
export function useErrorBoundary(): { showBoundary(error: unknown): void } {
  const [, setState] = useState<never>();
  const showBoundary = useCallback((error: unknown) => {
    // Throwing inside the state updater rethrows during render, where boundaries can catch it.
    setState(() => {
      throw error;
    });
  }, []);
  return { showBoundary };
}
