import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Bundles `esmEntry.mjs` as an app's bundler would (esbuild, production, minified) into
 * `build/faultline.esm.js`: `@faultline/browser` resolves to the package's ESM build (`build/esm`), not
 * the CDN file. Run `npm run build` first. Written through a rename, so suites building at once in two
 * workers never serve half a file.
 */
export async function buildEsm(): Promise<void> {
  const result = await build({
    entryPoints: [path.join(here, 'esmEntry.mjs')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    // No tsconfig: the repository's `paths` would point @faultline/* at the TypeScript sources.
    tsconfigRaw: {},
    logLevel: 'error',
  });
  const file = path.join(here, 'build/faultline.esm.js');
  const temporary = `${file}.${process.pid}.tmp`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(temporary, result.outputFiles[0]!.contents);
  await rename(temporary, file);
}
