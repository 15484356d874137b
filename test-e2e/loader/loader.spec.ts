import { expect, test } from '../support/test';

test('the loader delivers an error thrown before load, once, with breadcrumbs from its first line', async ({
  page,
  server,
}) => {
  await page.goto(`${server.origin}/loader/`);
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  const exception = event.exception.values.at(-1);
  expect(exception).toMatchObject({
    type: 'TypeError',
    value: 'thrown before load',
    mechanism: { type: 'onerror', handled: false },
  });
  expect(exception.stacktrace.frames.at(-1)).toMatchObject({ function: 'startTheApp' });
  expect(event).toMatchObject({ release: 'e2e@1.0.0', tags: { stage: 'early' } });
  expect(event.sdk.name).toBe('faultline.javascript.browser');
  const crumbs = event.breadcrumbs.map((b: { category: string; message: string }) => `${b.category}: ${b.message}`);
  expect(crumbs).toEqual(['console: the first line of the app', 'app: set up the store']);
  // The time is the throw's, not the replay's: earlier than the complete file's arrival.
  const loaded = await page.evaluate(() =>
    performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/faultline.min.js')),
  );
  const origin = await page.evaluate(() => performance.timeOrigin);
  expect(event.timestamp * 1000).toBeLessThanOrEqual(origin + loaded!.responseEnd);
  // Delivered once: the complete file's own handlers did not see it again.
  await page.evaluate(() => (window as unknown as { Faultline: { flush(): Promise<boolean> } }).Faultline.flush());
  expect(server.events()).toHaveLength(1);
});

test('the loader loads the complete file after load and replays API calls in order', async ({ page, server }) => {
  await page.goto(`${server.origin}/loader/captures.html`);
  const events = await server.waitFor(() => server.events().length >= 2 && server.events());
  expect(events.map((e) => e.message?.formatted ?? e.message)).toEqual(['first message', 'second message']);
  expect(events[0]).toMatchObject({ release: 'e2e@1.0.0', user: { id: 'early-user' } });
});
