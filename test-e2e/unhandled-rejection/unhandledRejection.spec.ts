import { expect, test } from '../support/test';

test('rejections of an Error and of a string both arrive as useful, unhandled events', async ({ page, server }) => {
  await page.goto(`${server.origin}/unhandled-rejection/`);
  await page.click('#error');
  await page.click('#string');
  const events = await server.waitFor(() => server.events().length >= 2 && server.events());
  const [fromError, fromString] = events.map((event) => event.exception.values.at(-1));
  expect(fromError).toMatchObject({
    type: 'RangeError',
    value: 'rejected with an Error',
    mechanism: { type: 'onunhandledrejection', handled: false },
  });
  expect(fromError.stacktrace.frames.at(-1).filename).toContain('/unhandled-rejection/app.js');
  expect(fromString).toMatchObject({
    type: 'UnhandledRejection',
    value: 'rejected with a string',
    mechanism: { handled: false },
  });
});
