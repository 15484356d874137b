import type { Integration } from '@faultline/core';
import { browserContextIntegration } from '../integrations/browserContextIntegration';
import { consoleBreadcrumbsIntegration } from '../integrations/consoleBreadcrumbsIntegration';

// Sentry's browser integration factories whose work a Faultline integration does: each returns that one,
// under its Faultline name, so it replaces the default of that name as Sentry's replaces its own.

/** Sentry's browser `consoleIntegration()`: console calls as breadcrumbs — `consoleBreadcrumbsIntegration`. */
export function consoleIntegration(_options: object = {}): Integration {
  return consoleBreadcrumbsIntegration();
}

/** Sentry's `httpContextIntegration()`: the page URL, user agent and referrer on events — `browserContextIntegration`. */
export function httpContextIntegration(): Integration {
  return browserContextIntegration();
}

/** Sentry's `cultureContextIntegration()`: `contexts.culture` with the page's locale and time zone. */
export function cultureContextIntegration(): Integration {
  return {
    name: 'CultureContext',
    processEvent(event) {
      try {
        const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
        return {
          ...event,
          contexts: { ...event.contexts, culture: { locale, timezone: timeZone, ...event.contexts?.culture } },
        };
      } catch {
        return event;
      }
    },
  };
}
