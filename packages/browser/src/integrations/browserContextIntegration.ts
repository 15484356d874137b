import type { Integration } from '@faultline/core';

/** Attaches the page: URL (scrubbed later), referrer and user agent as request data; language and viewport. */
/* @__NO_SIDE_EFFECTS__ */
export function browserContextIntegration(): Integration {
  return {
    name: 'BrowserContext',
    processEvent(event) {
      const headers: Record<string, string> = { 'User-Agent': navigator.userAgent };
      if (document.referrer) headers.Referer = document.referrer;
      event.request = { url: location.href, ...event.request, headers: { ...headers, ...event.request?.headers } };
      event.contexts = {
        ...event.contexts,
        page: {
          language: navigator.language,
          viewport: { width: innerWidth, height: innerHeight },
          ...event.contexts?.page,
        },
      };
      return event;
    },
  };
}
