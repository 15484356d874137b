import { getClient, type Client } from '@faultline/core';

/** Sentry's route provider: names the route of a URL (`/users/:id` for `/users/42`). */
export interface RouteProvider {
  resolveRoute(url: URL): string | undefined;
  resolveCurrentRoute(): string | undefined;
}

const PROVIDER = Symbol.for('faultline.routeProvider');
type WithProvider = Client & { [PROVIDER]?: RouteProvider };

/** Registers the route provider of `client` (default: the bound one). */
export function setRouteProvider(provider: RouteProvider, client: Client | undefined = getClient()): void {
  if (client) Object.defineProperty(client, PROVIDER, { value: provider, configurable: true, writable: true });
}

/** The route provider of `client`, if one was set. */
export function getRouteProvider(client: Client | undefined = getClient()): RouteProvider | undefined {
  return (client as WithProvider | undefined)?.[PROVIDER];
}

/** The route name of `url` by the client's provider; undefined without one. Never throws. */
export function resolveRoute(url: string | URL, client: Client | undefined = getClient()): string | undefined {
  try {
    return getRouteProvider(client)?.resolveRoute(typeof url === 'string' ? new URL(url, location.href) : url);
  } catch {
    return undefined;
  }
}

/** The current page's route name by the client's provider. Never throws. */
export function resolveCurrentRoute(client: Client | undefined = getClient()): string | undefined {
  try {
    return getRouteProvider(client)?.resolveCurrentRoute();
  } catch {
    return undefined;
  }
}

/** A provider from a function of the URL. */
export function createUrlRouteProvider(resolve: (url: URL) => string | undefined): RouteProvider {
  return { resolveRoute: resolve, resolveCurrentRoute: () => resolve(new URL(location.href)) };
}

/** A provider that remembers route names recorded per path (the most recent `maxEntries`). */
export function createCachedRouteProvider(
  maxEntries = 50,
): RouteProvider & { record(pathname: string, routeName: string): void } {
  const routes = new Map<string, string>();
  return {
    ...createUrlRouteProvider((url) => routes.get(url.pathname)),
    record(pathname, routeName) {
      if (!pathname || !routeName) return;
      routes.delete(pathname);
      routes.set(pathname, routeName);
      if (routes.size > maxEntries) routes.delete(routes.keys().next().value!);
    },
  };
}
