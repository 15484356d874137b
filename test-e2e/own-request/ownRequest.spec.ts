import { expect, test } from '../support/test';

test("the SDK's own request never becomes a breadcrumb", async ({ page, server }) => {
  await page.goto(`${server.origin}/own-request/`);
  await page.click('#first');
  await server.waitFor(() => server.events().length === 1);
  await page.click('#second');
  const events = await server.waitFor(() => server.events().length === 2 && server.events());
  const crumbs = events[1].breadcrumbs ?? [];
  expect(crumbs.filter((b: { category: string }) => b.category === 'fetch' || b.category === 'xhr')).toEqual([]);
  expect(crumbs.map((b: { category: string }) => b.category)).toContain('ui.click');
});
