// Issue 23, item 1: a page left during an outage keeps what it could not send; back from the back/forward
// cache, it sends it. Playwright turns the cache off by default (goBack would wait for a load event that a
// restored page never fires); here it is on.
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { buildEsm } from './buildEsm';
import { appUrl, BUILDS, capture, deliveryOf, expect, test } from './pageHideTest';

test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: chromiumArgs,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  },
});
test.beforeAll(buildEsm);

for (const build of BUILDS) {
  test(`${build}: left during a 503 outage, back from the bfcache once the receiver is up: 20/20 sent by the same page, none twice`, async ({
    page,
    server,
    receiver,
  }) => {
    test.setTimeout(60_000);
    await page.goto(appUrl(server, receiver, build));
    await receiver.set({ script: [{ status: 503 }] });
    await capture(page, 'cached', 20);
    await page.waitForTimeout(1000);
    await page.goto(`${server.origin}/page-hide/away.html`); // the page is hidden, frozen and cached
    await page.waitForTimeout(500);
    await receiver.set({ script: [] });
    const back = Date.now();
    await page.goBack({ waitUntil: 'commit' });
    await receiver.waitFor((stats) => stats.unique >= 20, 30_000, '20 events delivered');
    console.info(
      `[bfcache, ${build}]`,
      JSON.stringify({
        deliveredAfterBackMs: Date.now() - back,
        requests: (await receiver.requests()).map((r) => [r.start - back, r.status, r.ids.length]),
      }),
    );
    await page.waitForTimeout(1000);
    // The same page, restored (not loaded again, which would replay the journal instead).
    expect(await page.evaluate(() => window.shown)).toEqual([false, true]);
    expect(await deliveryOf(receiver, 'cached', 20)).toEqual({ delivered: 20, missing: [], twice: [] });
    expect((await receiver.stats()).discarded).toEqual({});
  });
}
