import type { Breadcrumb, Integration } from '@faultline/core';

type Kinds = {
  console?: boolean;
  dom?: boolean | object;
  fetch?: boolean;
  history?: boolean;
  xhr?: boolean;
  sentry?: boolean;
};

const CATEGORIES: Record<string, (category: string) => boolean> = {
  console: (category) => category === 'console',
  dom: (category) => category.startsWith('ui.'),
  fetch: (category) => category === 'fetch',
  xhr: (category) => category === 'xhr',
  history: (category) => category === 'navigation',
};

/**
 * Sentry's `breadcrumbsIntegration({ console, dom, fetch, history, xhr })`. Faultline records these with
 * one integration each (on by default); a kind turned off here is left out of every event sent.
 */
export function breadcrumbsIntegration(options: Kinds = {}): Integration {
  const off = Object.keys(CATEGORIES).filter((kind) => options[kind as keyof Kinds] === false);
  return {
    name: 'Breadcrumbs',
    processEvent(event) {
      if (off.length === 0 || !event.breadcrumbs) return event;
      const kept = event.breadcrumbs.filter(
        (crumb: Breadcrumb) => !off.some((kind) => CATEGORIES[kind]!(crumb.category ?? '')),
      );
      return { ...event, breadcrumbs: kept };
    },
  };
}
