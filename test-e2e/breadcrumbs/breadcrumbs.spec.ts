import { expect, test } from '../support/test';

test('click, console, fetch and navigation breadcrumbs arrive in order with the error', async ({ page, server }) => {
  await page.goto(`${server.origin}/breadcrumbs/`);
  await page.click('#go');
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  const crumbs = event.breadcrumbs.map((b: { category: string }) => b.category);
  expect(crumbs).toEqual(['ui.click', 'console', 'fetch', 'navigation']);
  const [click, consoleCrumb, fetchCrumb, navigation] = event.breadcrumbs;
  expect(click.message).toBe('button#go');
  expect(consoleCrumb).toMatchObject({ level: 'log', message: 'about to load data {"step":1}' });
  expect(fetchCrumb.data).toMatchObject({ method: 'GET', url: '/api/data?page=2', status_code: 200 });
  expect(fetchCrumb.data.duration_ms).toBeGreaterThanOrEqual(0);
  expect(navigation.data).toEqual({ from: `${server.origin}/breadcrumbs/`, to: `${server.origin}/breadcrumbs/step-2` });
  expect(event.exception.values.at(-1).value).toBe('after the breadcrumbs');
});
