import path from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';

/**
 * Builds a fixture's app files as an app's bundler ships the ESM build: esbuild, code splitting on,
 * minified, production, from the packages as published (their build, not the repo's tsconfig paths).
 * Writes `<outdir>/<name>.js` (`<folder>/build` unless told) and the pipeline chunk
 * `faultline-pipeline-<hash>.js` beside them.
 */
export async function buildSplitApp(
  folder: string,
  entries: string[],
  outdir = path.join(folder, 'build'),
): Promise<void> {
  await build({
    entryPoints: entries.map((entry) => path.join(folder, entry)),
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    outdir,
    entryNames: '[name]',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: '{}',
    logLevel: 'error',
  });
}

/** The page's tab hidden (another tab in front), then shown again: `visibilitychange` both ways. */
export async function hideThenShow(page: Page): Promise<void> {
  for (const state of ['hidden', 'visible']) {
    await page.evaluate((visibility) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  }
}

/**
 * The pipeline chunk (`pattern`) answers 404 until `deploy()`; `warnings` collects the page's console
 * warnings (the SDK says once that it could not load the rest of itself).
 */
export async function missingPipeline(page: Page, pattern: RegExp) {
  let missing = true;
  await page.route(pattern, (route) =>
    missing ? route.fulfill({ status: 404, body: 'not found' }) : route.continue(),
  );
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  return { warnings, deploy: () => void (missing = false) };
}

/** The pipeline chunk `buildSplitApp` wrote under `folder` (a URL path such as `/split/build`), as a route pattern. */
export const pipelineChunkIn = (folder: string): RegExp =>
  new RegExp(`${folder.replace(/[/.]/g, '\\$&')}/faultline-pipeline-[\\w-]+\\.js$`);
