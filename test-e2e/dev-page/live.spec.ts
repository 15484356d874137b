import { expect, test } from '@playwright/test';
import { BROWSER_ISSUE, startDemo, type Demo } from './startDemo';

const SERVICE_ISSUE = 'Error: Payment failed for card [Filtered] (cart c-77)';
// The SDKs send logs in batches, at most 5 s apart (core's log pipeline); a row may take that long to come.
const LOG_WAIT = { timeout: 15_000 };

test.describe('faultline dev: live', () => {
  test.describe.configure({ timeout: 90_000 });
  let demo: Demo;
  test.beforeEach(async () => {
    demo = await startDemo();
  });
  test.afterEach(async () => {
    await demo?.stop();
  });

  test('shows new events and logs as they arrive, without a reload, and marks a new issue until it is opened', async ({
    page,
    context,
  }) => {
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(demo.devUrl);
    await expect(page.locator('#issues tbody tr')).toHaveCount(0);
    // Set on this document only: still there at the end means the page was never reloaded.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    expect(await demo.call('/api/checkout')).toBe(500);
    const serviceRow = page.locator('#issues tbody tr').filter({ hasText: SERVICE_ISSUE });
    await expect(serviceRow).toHaveClass(/is-new/);
    await expect(serviceRow.locator('.badge.new')).toHaveText('New');
    await expect(serviceRow.locator('td').nth(2)).toHaveText('1');
    await expect(page).toHaveTitle('(1 new) Faultline dev');
    const started = page.locator('#logs .log').filter({ hasText: 'checkout started' });
    await expect(started).toHaveCount(1, LOG_WAIT);
    // The DSN's copy and Loki's join one row.
    await expect(started.locator('.source')).toHaveText(['sentry', 'loki'], LOG_WAIT);
    await expect(page.locator('#summary')).toContainText('1 issue · 1 event');
    await expect(page.locator('#live')).toHaveText('Live');

    // A keyboard user on the issue's link keeps the focus there while the list is refreshed under it.
    await serviceRow.getByRole('link').focus();
    expect(await demo.call('/api/checkout?cart=c-99')).toBe(500);
    await expect(serviceRow.locator('td').nth(2)).toHaveText('2');
    await expect(serviceRow.getByRole('link')).toBeFocused();
    await expect(page.locator('#logs .log').filter({ hasText: 'checkout started' })).toHaveCount(2, LOG_WAIT);

    await demo.pay(context);
    const browserRow = page.locator('#issues tbody tr').filter({ hasText: BROWSER_ISSUE });
    await expect(browserRow.locator('.badge.new')).toHaveText('New');
    await expect(page.locator('#logs .log').filter({ hasText: 'Shop page loaded' })).toHaveCount(1, LOG_WAIT);
    await expect(page).toHaveTitle('(2 new) Faultline dev');

    // Opened, an issue is no longer new; the other one still is.
    await serviceRow.getByRole('link', { name: SERVICE_ISSUE }).click();
    await expect(page.locator('#issue-head [data-fact="events"] dd')).toHaveText('3');
    // An event arriving for the issue on screen: the count and the charts change, the event shown stays.
    expect(await demo.call('/api/checkout?cart=c-100')).toBe(500);
    await expect(page.locator('#issue-head [data-fact="events"] dd')).toHaveText('4');
    await expect(page.locator('#issue-head figure[data-range="hour"] figcaption')).toContainText('4 in total');
    await expect(page.locator('#event .exception h4')).toHaveText([
      'Error: Payment failed for card [Filtered] (cart c-88)',
    ]);
    await page.getByRole('button', { name: '1 newer event: show the latest' }).click();
    await expect(page.locator('#event .exception h4')).toHaveText([
      'Error: Payment failed for card [Filtered] (cart c-100)',
    ]);
    await page.getByRole('link', { name: '← All issues' }).click();
    await expect(serviceRow.locator('.badge.new')).toHaveCount(0);
    await expect(browserRow.locator('.badge.new')).toHaveText('New');
    await expect(page).toHaveTitle('(1 new) Faultline dev');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
