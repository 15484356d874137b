import { startCrossOriginApi } from '../support/startFixtureServer';
import { expect, test } from '../support/test';

test('same-origin requests carry the page trace in traceparent; cross-origin ones carry nothing', async ({
  page,
  server,
}) => {
  const cross = await startCrossOriginApi();
  try {
    await page.goto(`${server.origin}/trace-propagation/?cross=${encodeURIComponent(cross.origin)}`);
    await page.click('#go');
    const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
    const traceId = event.contexts.trace.trace_id;
    const same = server.apiRequests.find((r) => r.url === '/api/same-origin');
    expect(same?.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-00$`));
    expect(cross.requests).toHaveLength(1); // no CORS preflight either: the request stayed simple
    expect(cross.requests[0]!.traceparent).toBeUndefined();
  } finally {
    await cross.close();
  }
});
