import { expect, test } from '@playwright/test';
import { measureOverflow } from './measureOverflow';
import { startDemo, type Demo } from './startDemo';

// An SDK sends its client report with its next event (or at a flush).
const REPORT_WAIT = { timeout: 20_000 };

/** What /api/sdk-health says of the demo service's SDK: its reports and the items it lost. */
async function reported(demo: Demo): Promise<{ reports: number; lost: number }> {
  const rows = (await (await fetch(`${demo.devUrl}/api/sdk-health`)).json()) as { reports: number; dropped: number }[];
  expect(rows).toHaveLength(1);
  return { reports: rows[0]!.reports, lost: rows[0]!.dropped };
}

test.describe('faultline dev: SDK health', () => {
  test.describe.configure({ timeout: 90_000 });
  let demo: Demo;
  test.beforeEach(async () => {
    demo = await startDemo();
  });
  test.afterEach(async () => {
    await demo?.stop();
  });

  test('shows what an SDK reported losing, per version and release, as its reports arrive, without a reload', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(demo.devUrl);
    await expect(page.locator('#no-sdk-health')).toBeVisible();
    await expect(page.locator('#sdk-health')).toBeHidden();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The same failure twice in a row: the service's Dedupe drops the second (event_processor) and says so
    // with its next event, another cart's. (Its pino bridge's copy of each error is dropped likewise.)
    expect(await demo.call('/api/checkout')).toBe(500);
    expect(await demo.call('/api/checkout')).toBe(500);
    expect(await demo.call('/api/checkout?cart=c-99')).toBe(500);
    const row = page.locator('#sdk-health tbody tr').filter({ hasText: 'faultline.javascript.node' });
    await expect(row, 'the report of the dropped duplicates').toHaveCount(1, REPORT_WAIT);
    const first = await reported(demo);
    expect(first.reports).toBe(1);
    expect(first.lost).toBeGreaterThanOrEqual(2); // the repeated checkout and its pino copy at least
    await expect(row.locator('td').nth(0)).toContainText('0.1.0');
    await expect(row.locator('td').nth(1)).toHaveText('demo@1.0.0');
    await expect(row.locator('td').nth(2)).toHaveText(String(first.lost));
    await expect(row.locator('ul.drops li')).toHaveText([`event_processor error ${first.lost}`]);
    await expect(page.locator('#sdk-count')).toHaveText(`${first.lost} items lost · 1 report`);
    await expect(page.locator('#no-sdk-health')).toBeHidden();

    expect(await demo.call('/api/checkout?cart=c-99')).toBe(500);
    expect(await demo.call('/api/checkout?cart=c-100')).toBe(500);
    await expect(page.locator('#sdk-count')).toContainText('2 reports', REPORT_WAIT);
    const second = await reported(demo);
    expect(second.lost).toBeGreaterThan(first.lost);
    await expect(row.locator('ul.drops li')).toHaveText([`event_processor error ${second.lost}`]);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    for (const width of [1100, 700]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await measureOverflow(page), `home at ${width} px`).toEqual([]);
    }
  });
});
