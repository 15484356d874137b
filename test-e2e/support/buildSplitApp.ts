import { build } from 'esbuild';

/**
 * What an app's bundler makes of the ESM build: esbuild with code splitting, minified, production, from the
 * packages as published (their build, not the repository's tsconfig paths to their sources). Writes each
 * entry as `<outdir>/<name>.js`, beside the shared chunks and the SDK's pipeline chunk
 * (`faultline-pipeline-<hash>.js`).
 */
export async function buildSplitApp(entryPoints: string[], outdir: string): Promise<void> {
  await build({
    entryPoints,
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

/** The pipeline chunk `buildSplitApp` wrote under `folder` (a URL path such as `/split/build`), as a route pattern. */
export const pipelineChunkIn = (folder: string): RegExp =>
  new RegExp(`${folder.replace(/[/.]/g, '\\$&')}/faultline-pipeline-[\\w-]+\\.js$`);
