// A React app from Sentry's React guide with only the import changed (app.mjs), bundled with the built
// @faultline/react and run in Chromium against the fixture server's receiver.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { expect, test } from '../support/test';

const here = path.dirname(fileURLToPath(import.meta.url));

test.beforeAll(async () => {
  test.setTimeout(120_000); // a rollup build of React and the SDK: over 30 s on a busy two-core machine
  const bundle = await rollup({
    input: path.join(here, 'app.mjs'),
    plugins: [
      nodeResolve({ browser: true }),
      commonjs(),
      esbuild({ exclude: [], define: { 'process.env.NODE_ENV': '"production"' } }),
    ],
    onwarn: () => undefined,
  });
  // One script: an IIFE cannot load the SDK's pipeline chunk by import(), so it is inlined.
  await bundle.write({ file: path.join(here, 'build/app.js'), format: 'iife', inlineDynamicImports: true });
  await bundle.close();
});

test('a span around a user action carries its trace into the error, the request and the log; feedback arrives', async ({
  page,
  server,
}) => {
  await page.goto(`${server.origin}/sentry-react/`);
  await page.click('#checkout');
  await expect(page.locator('#span')).not.toBeEmpty();
  const span = JSON.parse((await page.locator('#span').textContent())!) as { traceId: string; spanId: string };
  const event = await server.waitFor(() =>
    server.events().find((e) => e.exception?.values.at(-1).value === 'payment failed with 200'),
  );
  expect(event.contexts.trace).toMatchObject({ trace_id: span.traceId, span_id: span.spanId });
  // The page's own request continued the trace from the span.
  const traceparent = server.apiRequests.find((r) => r.url === '/api/pay')!.headers.traceparent;
  expect(traceparent).toBe(`00-${span.traceId}-${span.spanId}-00`);
  const log = await server.waitFor(() => server.logs().find((l) => l.body === 'Checkout of 3 items for u-42'));
  expect(log.attributes['sentry.message.template']).toEqual({ value: 'Checkout of %s items for %s', type: 'string' });
  expect(log.trace_id).toBe(span.traceId);
  const feedback = await server.waitFor(() =>
    server.envelopes.flatMap((e) => e.items).find(([header]) => header.type === 'feedback'),
  );
  expect(feedback[1].contexts.feedback).toMatchObject({
    message: 'The payment did not go through',
    name: 'Ada',
    associated_event_id: event.event_id,
  });
});

test('the ErrorBoundary shows its fallback and the render error arrives once', async ({ page, server }) => {
  await page.goto(`${server.origin}/sentry-react/`);
  await page.click('#break');
  await expect(page.locator('#fallback')).toHaveText('An error has occurred');
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(event.exception.values.at(-1)).toMatchObject({
    value: 'cart render failed',
    mechanism: { type: 'react.errorboundary', handled: true },
  });
  await page.waitForTimeout(300);
  expect(server.events()).toHaveLength(1);
});
