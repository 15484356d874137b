import type { BrowserContext } from '@playwright/test';
import type { FixtureServer } from '../support/startFixtureServer';

const PAGE_FILES = ['/offline-queue/', '/offline-queue/app.js', '/faultline.min.js'];

/**
 * Serves the fixture page from memory, as a service worker's cache would, so that it can be reloaded
 * (or opened in another tab) while the browser is offline. Everything else still goes to the network.
 */
export async function serveFromMemory(context: BrowserContext, server: FixtureServer): Promise<void> {
  const cached = new Map<string, { body: Buffer; contentType: string }>();
  for (const path of PAGE_FILES) {
    const response = await context.request.get(server.origin + path);
    cached.set(path, { body: await response.body(), contentType: response.headers()['content-type']! });
  }
  await context.route(`${server.origin}/**`, async (route) => {
    const hit = cached.get(new URL(route.request().url()).pathname);
    return hit ? route.fulfill({ body: hit.body, contentType: hit.contentType }) : route.fallback();
  });
}
