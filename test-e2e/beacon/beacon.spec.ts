import { expect, test } from '../support/test';

test('an error captured right before navigating away still arrives', async ({ page, server }) => {
  await page.goto(`${server.origin}/beacon/`);
  await Promise.all([page.waitForURL('**/beacon/next.html'), page.click('#go')]);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(event.exception.values.at(-1).value).toBe('right before leaving');
});
