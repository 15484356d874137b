import { expect, test } from '@playwright/test';
import { measureOverflow } from './measureOverflow';
import { BROWSER_ISSUE } from './startDemo';
import { useDemo } from './useDemo';

// A cart id with no place to break: it ends up in an issue title, a tag, a URL and log attributes.
const LONG_CART = `cart-${'7f3a9c'.repeat(40)}`;
// The service's checkouts make one issue (same stack), titled after its first event: the long cart's.
const SERVICE_ISSUE = `Error: Payment failed for card [Filtered] (cart ${LONG_CART})`;

test.describe('faultline dev: the page fits a laptop screen and a narrow window', () => {
  const fixture = useDemo(async (demo, context) => {
    await demo.call('/api/login');
    await demo.call('/api/orders', { 'x-request-id': 'req-orders' });
    await demo.call(`/api/checkout?cart=${LONG_CART}`);
    await demo.call('/api/checkout');
    await demo.pay(context);
    await demo.waitFor((summary) => summary.logs >= 8);
  });

  for (const width of [1100, 700]) {
    test(`nothing is cut off or overflows at ${width} px: home, filtered logs, and each issue`, async () => {
      const page = await fixture.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(fixture.demo.devUrl);
      await expect(page.locator('#issues tbody tr')).toHaveCount(2);
      await expect(page.locator('#logs li').first()).toBeVisible();
      expect(await measureOverflow(page), 'home').toEqual([]);
      // The log filter, whose text field was cut off at the right edge at 1100 px, is whole.
      const panel = (await page.locator('#logs-panel').boundingBox())!;
      for (const field of await page.locator('#log-filter input, #log-filter select, #log-filter button').all()) {
        const box = (await field.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
      }

      await page.locator('#logs a.trace').first().click();
      await expect(page.locator('#logs-heading')).toContainText('Logs of trace');
      expect(await measureOverflow(page), 'logs of a trace').toEqual([]);

      for (const [title, events] of [
        [SERVICE_ISSUE, 3],
        [BROWSER_ISSUE, 1],
      ] as const) {
        await page.goto(fixture.demo.devUrl);
        await page.getByRole('link', { name: title }).click();
        for (let shown = 1; shown <= events; shown++) {
          await expect(page.locator('#event .event-nav .muted')).toHaveText(`${shown} of ${events} kept`);
          for (const summary of await page.locator('details.library > summary').all()) await summary.click();
          expect(await measureOverflow(page), `${title}, event ${shown}`).toEqual([]);
          if (shown < events) await page.getByRole('link', { name: 'Older' }).click();
        }
      }
      await page.close();
    });
  }
});
