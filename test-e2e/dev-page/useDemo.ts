import { test, type BrowserContext } from '@playwright/test';
import { startDemo, type Demo } from './startDemo';

/** The demo of a describe block, once fed, and a browser context (1100 × 900) for its pages. */
export interface DemoFixture {
  readonly demo: Demo;
  readonly context: BrowserContext;
}

/**
 * Starts the demo once for the tests of the enclosing describe block (run in order), lets `feed` send it
 * what they look at, and stops it after them.
 */
export function useDemo(feed: (demo: Demo, context: BrowserContext) => Promise<void>): DemoFixture {
  let demo: Demo | undefined;
  let context: BrowserContext | undefined;
  test.describe.configure({ mode: 'serial', timeout: 90_000 });
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000); // two processes and Chromium pages, on a machine shared with other builds
    demo = await startDemo();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await feed(demo, context);
  });
  test.afterAll(async () => {
    await context?.close();
    await demo?.stop();
  });
  return {
    get demo() {
      return demo!;
    },
    get context() {
      return context!;
    },
  };
}
