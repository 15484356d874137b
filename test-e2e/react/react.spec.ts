import path from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { expect, test } from '../support/test';

const here = path.dirname(fileURLToPath(import.meta.url));

test.beforeAll(async () => {
  // A real app build: React 19 and the built @faultline/react, bundled for the browser.
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

test('a render error shows the fallback, arrives once with its component stack, and resetError recovers', async ({
  page,
  server,
}) => {
  await page.goto(`${server.origin}/react/`);
  await page.click('#break');
  await expect(page.locator('#fallback')).toHaveText('Something broke: cart render failed');
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(event.exception.values.at(-1)).toMatchObject({
    value: 'cart render failed',
    mechanism: { type: 'react.errorboundary', handled: true },
  });
  expect(event.contexts.react.componentStack).toContain('Cart');
  expect(event.exception.values[0].type).toBe('React ErrorBoundary Error');
  await page.click('#reset');
  await expect(page.locator('#cart')).toHaveText('cart ok');
  await page.waitForTimeout(300);
  expect(server.events()).toHaveLength(1); // onCaughtError saw it too, and did not report it again
});

test('an error outside any boundary is reported through reactErrorHandler', async ({ page, server }) => {
  await page.goto(`${server.origin}/react/`);
  await page.click('#bomb');
  const [event] = await server.waitFor(() => server.events().length > 0 && server.events());
  expect(event.exception.values.at(-1)).toMatchObject({
    value: 'outside any boundary',
    mechanism: { type: 'react.root', handled: false },
  });
  expect(event.contexts.react.componentStack).toContain('Bomb');
});
