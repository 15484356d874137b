import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { FixtureServer } from './startFixtureServer';

const { version } = JSON.parse(
  readFileSync(new URL('../../packages/browser/package.json', import.meta.url), 'utf8'),
) as { version: string };

/**
 * Leaves in the origin's `localStorage` the mark a page's fetch transport leaves when the receiver fails
 * (transports/destinationFailing.ts; split.spec.ts shows a real 503 leaving it): what makes a later page
 * that goes away before its pipeline arrived keep its captures instead of handing them to a beacon. `page`
 * must be on the server's origin.
 */
export async function markDestinationFailing(page: Page, server: FixtureServer): Promise<void> {
  const url = `${server.origin}/api/1/envelope/?sentry_version=7&sentry_key=publickey&sentry_client=${encodeURIComponent(`faultline.javascript.browser/${version}`)}`;
  await page.evaluate(
    (ingest) => localStorage.setItem('faultline:failing', JSON.stringify({ [ingest]: Date.now() })),
    url,
  );
}
