import { expect, test } from '../support/test';

test("works under script-src 'self' without eval or inline script, with no CSP violation", async ({ page, server }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      consoleErrors.push(message.text());
  });
  const response = await page.goto(`${server.origin}/csp/`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.click('#go');
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(event.exception.values.at(-1).value).toBe('thrown under a strict CSP');
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
