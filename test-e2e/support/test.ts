import { test as base } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from './startFixtureServer';

/** Playwright's test with a fresh fixture server (pages + envelope receiver) per test. */
export const test = base.extend<{ server: FixtureServer }>({
  server: async ({}, use) => {
    const server = await startFixtureServer();
    await use(server);
    await server.close();
  },
});
export { expect } from '@playwright/test';
