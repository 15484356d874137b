import { inertIntegration, type Integration } from '@faultline/core';

// Sentry's router tracing integrations: accepted and inert. Each page load and navigation still gets its
// own trace id from `@faultline/browser`.

/** Sentry's React Router (v3–v7) and TanStack Router tracing: accepted and inert. */
export function reactRouterBrowserTracingIntegration(_options: object = {}): Integration {
  return inertIntegration('BrowserTracing', 'tracing');
}

export const reactRouterV3BrowserTracingIntegration = reactRouterBrowserTracingIntegration;
export const reactRouterV4BrowserTracingIntegration = reactRouterBrowserTracingIntegration;
export const reactRouterV5BrowserTracingIntegration = reactRouterBrowserTracingIntegration;
export const reactRouterV6BrowserTracingIntegration = reactRouterBrowserTracingIntegration;
export const reactRouterV7BrowserTracingIntegration = reactRouterBrowserTracingIntegration;
export const tanstackRouterBrowserTracingIntegration = reactRouterBrowserTracingIntegration;
