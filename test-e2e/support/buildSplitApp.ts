import path from 'node:path';
import { build } from 'esbuild';

/**
 * Builds a fixture's app files as an app's bundler ships the ESM build: esbuild, code splitting on,
 * minified, production, from the packages as published (their build, not the repo's tsconfig paths).
 * Writes `<folder>/build/<name>.js` and the pipeline chunk `faultline-pipeline-<hash>.js` beside them.
 */
export async function buildSplitApp(folder: string, entries: string[]): Promise<void> {
  await build({
    entryPoints: entries.map((entry) => path.join(folder, entry)),
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    outdir: path.join(folder, 'build'),
    entryNames: '[name]',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: '{}',
    logLevel: 'error',
  });
}
