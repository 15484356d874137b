import { addBreadcrumb, installOnce, type Integration } from '@faultline/core';

/** Records navigations (`pushState`, `replaceState`, `popstate`) as breadcrumbs from → to. */
/* @__NO_SIDE_EFFECTS__ */
export function historyBreadcrumbsIntegration(): Integration {
  return {
    name: 'HistoryBreadcrumbs',
    setup() {
      installOnce('history', () => {
        let last = location.href;
        const navigated = (): void => {
          const to = location.href;
          if (to === last) return;
          addBreadcrumb({ category: 'navigation', data: { from: last, to } });
          last = to;
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
    },
  };
}
