import { expect, test } from '../support/test';

test('an uncaught error arrives unhandled, with the throwing function as the top frame', async ({ page, server }) => {
  await page.goto(`${server.origin}/uncaught-error/`);
  await page.click('#go');
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  const exception = event.exception.values.at(-1);
  expect(exception).toMatchObject({
    type: 'TypeError',
    value: 'boom from the page',
    mechanism: { type: 'onerror', handled: false },
  });
  const top = exception.stacktrace.frames.at(-1);
  expect(top).toMatchObject({ function: 'explodeOnPurpose', lineno: 3, in_app: true });
  expect(top.filename).toBe(`${server.origin}/uncaught-error/app.js`);
  expect(event).toMatchObject({ level: 'error', release: 'e2e@1.0.0', platform: 'javascript' });
  expect(event.sdk.name).toBe('faultline.javascript.browser');
  expect(event.request.headers['User-Agent']).toContain('Chrome');
  expect(event.contexts.trace.trace_id).toMatch(/^[0-9a-f]{32}$/);
});
