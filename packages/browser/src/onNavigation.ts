import { installOnce } from '@faultline/core';

/**
 * Calls `listener(from, to)` once per page (installed under `name`) whenever the URL changes through
 * `history.pushState`, `history.replaceState` or `popstate`. The patched methods always run the original
 * and return its result; a listener that throws never breaks the page's navigation.
 */
export function onNavigation(name: string, listener: (from: string, to: string) => void): void {
  installOnce(name, () => {
    let last = location.href;
    const navigated = (): void => {
      const to = location.href;
      if (to === last) return;
      const from = last;
      last = to;
      try {
        listener(from, to);
      } catch {
        // the page's navigation goes on whatever the SDK does with it
      }
    };
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args);
        navigated();
        return result;
      };
    }
    addEventListener('popstate', navigated);
  });
}
