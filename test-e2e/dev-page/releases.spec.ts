import { expect, test } from '@playwright/test';
import { measureOverflow } from './measureOverflow';
import { startDemo, type Demo } from './startDemo';

interface Release {
  release: string;
  environment: string;
  sessions: number;
  crashFreeSessions: number | null;
  crashFreeUsers: number | null;
  erroredRate: number | null;
}

const releases = async (demo: Demo): Promise<Release[]> =>
  (await (await fetch(`${demo.devUrl}/api/releases`)).json()) as Release[];
const shown = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} %`);

test.describe('faultline dev: the Releases panel', () => {
  test.describe.configure({ timeout: 90_000 });
  let demo: Demo;
  test.beforeEach(async () => {
    demo = await startDemo();
  });
  test.afterEach(async () => {
    await demo?.stop();
  });

  test('shows each release’s sessions and crash-free rates as the read API states them, live, at 1100 and 700 px', async ({
    page,
    context,
  }) => {
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(demo.devUrl);
    await expect(page.locator('#no-releases')).toBeVisible();

    // The demo's browser app (release demo@1.0.0, user shopper-7): a page whose checkout fails crashes its session.
    await demo.pay(context);
    const row = page.locator('#releases tbody tr').filter({ hasText: 'demo@1.0.0' });
    await expect(row.locator('td').nth(3)).toHaveText('0.0 %'); // its only user crashed
    // Every cell says what GET /api/releases says (the demo service's request sessions join the same row).
    const matchesApi = async () => {
      const [release] = (await releases(demo)).filter((r) => r.release === 'demo@1.0.0');
      const cells = await row.locator('td').allTextContents();
      return (
        cells.join(' | ') ===
        [
          `${release!.release}${release!.environment}`,
          String(release!.sessions),
          shown(release!.crashFreeSessions),
          shown(release!.crashFreeUsers),
          shown(release!.erroredRate),
        ].join(' | ')
      );
    };
    await expect.poll(matchesApi).toBe(true);
    const before = (await releases(demo))[0]!.sessions;

    // Another page: its session arrives over the live feed and the row changes without a reload.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await demo.pay(context);
    await expect.poll(async () => (await releases(demo))[0]!.sessions).toBeGreaterThan(before);
    await expect.poll(matchesApi).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    for (const width of [1100, 700]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await measureOverflow(page), `home at ${width} px`).toEqual([]);
    }
  });
});
