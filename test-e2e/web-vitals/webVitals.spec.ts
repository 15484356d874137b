import { expect, test } from '../support/test';

test('web vitals arrive as log records after an interaction and leaving the page', async ({ page, server }) => {
  await page.goto(`${server.origin}/web-vitals/`);
  await page.click('#go');
  await page.waitForTimeout(200);
  await page.goto(`${server.origin}/beacon/next.html`); // hides the page: vitals are reported then
  const names = await server.waitFor(() => {
    const vitals = server.logs().filter((log) => log.attributes?.['web_vital.name']);
    const found = new Set(vitals.map((log) => log.attributes['web_vital.name'].value));
    return ['LCP', 'FCP', 'TTFB', 'CLS'].every((name) => found.has(name)) && found;
  });
  const lcp = server.logs().find((log) => log.attributes['web_vital.name']?.value === 'LCP');
  expect(lcp.attributes['web_vital.rating'].value).toMatch(/good|needs-improvement|poor/);
  expect(['integer', 'double']).toContain(lcp.attributes['web_vital.value'].type);
  expect(lcp.body).toMatch(/^Web vital LCP: /);
  expect(names.size).toBeGreaterThanOrEqual(4);
});
