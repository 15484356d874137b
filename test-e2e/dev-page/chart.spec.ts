import { expect, test, type Locator } from '@playwright/test';
import { BROWSER_ISSUE } from './startDemo';
import { useDemo } from './useDemo';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Bar {
  start: number;
  count: number;
  x: number;
  height: number;
  tip: string;
}

/** Each bar as drawn, read in one task: the bucket it says it covers, its count, where it is and how tall. */
const drawnBars = (chart: Locator): Promise<(Bar & { laidOut: boolean })[]> =>
  chart.locator('rect.bar').evaluateAll((rects) =>
    rects.map((rect) => {
      const box = rect.getBoundingClientRect();
      return {
        start: Number(rect.getAttribute('data-start')),
        count: Number(rect.getAttribute('data-count')),
        x: box.x,
        height: box.height,
        tip: rect.querySelector('title')?.textContent ?? '',
        laidOut: rect.isConnected && box.width > 0,
      };
    }),
  );

/**
 * The bars once the chart is laid out: the page redraws its list as new data arrives, and a CI run read a
 * sparkline whose bars all had x = 0 (drawn, not yet laid out). Positions are asserted on a laid-out chart.
 */
async function barsOf(chart: Locator): Promise<Bar[]> {
  let bars: (Bar & { laidOut: boolean })[] = [];
  await expect
    .poll(async () => {
      bars = await drawnBars(chart);
      return bars.length > 0 && bars.every((bar) => bar.laidOut);
    })
    .toBe(true);
  return bars.map(({ laidOut: _laidOut, ...bar }) => bar);
}

/** What the bars must say, computed from the times the browser app's errors were captured at. */
function expectBuckets(bars: Bar[], times: number[], step: number, shown: number): void {
  const now = Date.now();
  expect(bars).toHaveLength(shown);
  const last = bars.at(-1)!.start;
  // The last bucket holds the receiver's "now" (give or take a bucket boundary crossed since it answered).
  expect(last % step).toBe(0);
  expect(last).toBeLessThanOrEqual(now);
  expect(now - last).toBeLessThan(2 * step);
  expect(bars.map((bar) => bar.start)).toEqual(bars.map((_, i) => last - (shown - 1 - i) * step));
  expect(bars.map((bar) => bar.count)).toEqual(
    bars.map((bar) => times.filter((time) => time >= bar.start && time < bar.start + step).length),
  );
  for (let i = 1; i < bars.length; i++) expect(bars[i]!.x).toBeGreaterThan(bars[i - 1]!.x);
  // Drawn in proportion: the tallest bar holds the largest count, an empty bucket draws nothing.
  const max = Math.max(...bars.map((bar) => bar.count));
  const tallest = Math.max(...bars.map((bar) => bar.height));
  for (const bar of bars) expect(bar.height).toBeCloseTo((bar.count / max) * tallest, 0);
}

test.describe('faultline dev: the chart of an issue’s events over time', () => {
  const times: number[] = [];
  const fixture = useDemo(async (demo, context) => {
    const now = Date.now();
    // The browser app's clock is set for each press of Pay, so its error carries that time.
    // Two errors in one minute, whatever the second now is (a CI run put them either side of a minute's end).
    const minute = Math.floor((now - 20 * MINUTE) / MINUTE) * MINUTE;
    times.push(now - 3 * HOUR - 7 * MINUTE, minute + 10_000, minute + 11_000, now - 2000);
    for (const at of times) await demo.pay(context, { at });
  });

  test('puts each event in its minute of the last hour and its hour of the last day, bars in proportion', async () => {
    const page = await fixture.context.newPage();
    await page.goto(fixture.demo.devUrl);
    const row = page.locator('#issues tbody tr').filter({ hasText: BROWSER_ISSUE });
    await expect(row.locator('td').nth(2)).toHaveText('4');
    // The sparkline of the issue list: the last hour, per minute.
    expectBuckets(await barsOf(row.locator('svg.spark')), times, MINUTE, 60);

    await row.getByRole('link', { name: BROWSER_ISSUE }).click();
    const hour = page.locator('#issue-head figure[data-range="hour"]');
    const day = page.locator('#issue-head figure[data-range="day"]');
    await expect(hour.locator('figcaption')).toHaveText('Events per minute, last hour · 3 in total');
    await expect(day.locator('figcaption')).toHaveText('Events per hour, last day · 4 in total');
    const minutes = await barsOf(hour);
    expectBuckets(minutes, times, MINUTE, 60);
    expectBuckets(await barsOf(day), times, HOUR, 24);
    expect(minutes.find((bar) => bar.count === 2)!.tip).toMatch(/^2 events · (\d{4}-\d\d-\d\d )?\d\d:\d\d$/);
    await expect(hour.locator('svg')).toHaveAttribute('aria-label', /: 3 events, at most 2 in one minute$/);
    await page.close();
  });
});
