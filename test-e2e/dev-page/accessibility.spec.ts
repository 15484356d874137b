import { expect, test, type Page } from '@playwright/test';
import { measureContrast } from './measureContrast';
import { BROWSER_ISSUE } from './startDemo';
import { useDemo } from './useDemo';

const SERVICE_ISSUE = 'Error: Payment failed for card [Filtered] (cart c-77)';

/** What has the keyboard focus: its role-ish name, and whether a focus ring is drawn around it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: 'body', ring: false };
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    const label =
      el.getAttribute('aria-label') ?? el.closest('label')?.querySelector('span')?.textContent ?? el.textContent ?? '';
    return { name: `${el.tagName.toLowerCase()} ${label.trim().replace(/\s+/g, ' ').slice(0, 80)}`, ring };
  });

/** Presses Tab until the focus is on an element whose name matches, and returns how it is drawn. */
async function tabTo(page: Page, name: RegExp, maxPresses = 80, key = 'Tab'): Promise<{ name: string; ring: boolean }> {
  const seen: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (name.test(now.name)) return now;
    seen.push(now.name);
  }
  throw new Error(`${name} is not reachable with ${key}; the focus went through: ${seen.join(' | ')}`);
}

test.describe('faultline dev: keyboard and contrast', () => {
  const fixture = useDemo(async (demo, context) => {
    await demo.call('/api/login');
    await demo.call('/api/checkout');
    await demo.pay(context);
    await demo.waitFor((summary) => summary.logs >= 6);
  });

  test('reaches and works every control with the keyboard alone, with a visible focus ring', async () => {
    const page = await fixture.context.newPage();
    await page.goto(fixture.demo.devUrl);
    await expect(page.locator('#issues tbody tr')).toHaveCount(2);
    const reached = [];
    // An issue: reached by Tab, opened with Enter, its view taking the focus.
    reached.push(await tabTo(page, /^a Error: Payment failed/));
    await page.keyboard.press('Enter');
    await expect(page.locator('#issue-title')).toBeFocused();
    for (const control of [/^a Logs of trace [0-9a-f]{32}$/, /^a Older$/]) reached.push(await tabTo(page, control));
    reached.push(await tabTo(page, /^summary \d+ library frames?$/));
    await page.keyboard.press('Enter');
    await expect(page.locator('details.library').first()).toHaveAttribute('open', '');
    reached.push(await tabTo(page, /^a ← All issues$/, 80, 'Shift+Tab'));
    await page.keyboard.press('Enter');
    await expect(page.locator('#issues-heading')).toBeFocused();
    // Home from the top: the skip link, sorting, the other issue, the log filter, a trace's logs.
    reached.push(await tabTo(page, /^a Skip to content$/, 80, 'Shift+Tab'));
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    reached.push(await tabTo(page, /^button Events$/));
    await page.keyboard.press('Enter'); // sort by count: the service issue (2 events) comes first
    await expect(page.locator('[data-sort="count"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('#issues tbody tr').first()).toContainText(SERVICE_ISSUE);
    reached.push(await tabTo(page, new RegExp(`^a ${BROWSER_ISSUE.replace(/[()[\]]/g, '\\$&')}$`)));
    for (const field of [
      /^select Level/,
      /^input Trace id$/,
      /^input Text$/,
      /^button Filter$/,
      /^a trace [0-9a-f]{32}$/,
    ]) {
      reached.push(await tabTo(page, field));
    }
    await page.keyboard.press('Enter');
    await expect(page.locator('#logs-heading')).toBeFocused();
    await expect(page.locator('#logs-heading')).toHaveText(/^Logs of trace [0-9a-f]{32}$/);
    for (const control of reached) expect(control.ring, `${control.name} shows where the focus is`).toBe(true);
    await page.close();
  });

  test('a slow receiver never takes the focus from where the user moved it while a view loads', async () => {
    const page = await fixture.context.newPage();
    await page.goto(fixture.demo.devUrl);
    await expect(page.locator('#issues tbody tr')).toHaveCount(2);
    // From here each view the page fetches answers 1.5 s late, as a busy receiver may.
    await page.route('**/api/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue().catch(() => undefined); // the page may have closed meanwhile
    });
    const stays = async (name: RegExp) => {
      await page.waitForTimeout(2_500);
      expect((await focused(page)).name).toMatch(name);
    };
    // The skip link moves the focus to the content, and nothing reloads under it.
    await tabTo(page, /^a Skip to content$/, 80, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await tabTo(page, /^button Events$/);
    await stays(/^button Events$/);
    // A link that changes the view: the user tabs on before the view arrives, and the focus stays there.
    await tabTo(page, /^a Faultline dev$/, 80, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await tabTo(page, /^button Last seen$/);
    await stays(/^button Last seen$/);
    await page.close();
  });

  test('a slow receiver never leaves the focus on the page itself when the view the user tabbed in is replaced', async () => {
    const page = await fixture.context.newPage();
    await page.goto(fixture.demo.devUrl);
    await expect(page.locator('#issues tbody tr')).toHaveCount(2);
    await tabTo(page, /^a Error: Payment failed/);
    await page.keyboard.press('Enter');
    await expect(page.locator('#issue-title')).toBeFocused();
    // From here each view the page fetches answers 1.5 s late, as a busy receiver may.
    await page.route('**/api/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue().catch(() => undefined); // the page may have closed meanwhile
    });
    // The older event: the user tabs on within the event still shown, which the one asked for replaces.
    await tabTo(page, /^a Older$/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.locator('#issue-view')).toContainText(/Event 2 of the \d+ kept/);
    // What the user tabbed to is gone with the event it was in: the focus goes to the view's heading,
    // not to <body> (where a keyboard user would start again from the top of the page).
    await expect.poll(async () => (await focused(page)).name).toMatch(/^h2 Error: Payment failed/);
    await page.close();
  });

  test('gives all text a contrast of at least 4.5:1 (3:1 when large), home and issue view', async () => {
    const page = await fixture.context.newPage();
    await page.goto(fixture.demo.devUrl);
    await expect(page.locator('#logs li').first()).toBeVisible();
    expect(await measureContrast(page), 'home').toEqual([]);
    for (const title of [SERVICE_ISSUE, BROWSER_ISSUE]) {
      await page.goto(fixture.demo.devUrl);
      await page.getByRole('link', { name: title }).click();
      await expect(page.locator('#event')).toBeVisible();
      for (const summary of await page.locator('details.library > summary').all()) await summary.click();
      expect(await measureContrast(page), title).toEqual([]);
    }
    await page.close();
  });
});
