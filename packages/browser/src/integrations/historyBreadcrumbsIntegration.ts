import { addBreadcrumb, type Integration } from '@faultline/core';
import { onNavigation } from '../onNavigation';

/** Records navigations (`pushState`, `replaceState`, `popstate`) as breadcrumbs from → to. */
/* @__NO_SIDE_EFFECTS__ */
export function historyBreadcrumbsIntegration(): Integration {
  return {
    name: 'HistoryBreadcrumbs',
    setup() {
      onNavigation('history', (from, to) => addBreadcrumb({ category: 'navigation', data: { from, to } }));
    },
  };
}
