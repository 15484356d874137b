// Bundle size of realistic import sets, Faultline next to Sentry, built the same way in the same run:
// esbuild (its minifier) and rollup + terser, measured raw, gzip (level 9) and brotli.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';

const DSN = "'https://publickey@o1.ingest.example.com/1'";
const TMP = new URL('../../tmp/size/', import.meta.url);
/** What a page using the script-tag bundle calls; Sentry's CDN bundle is not on npm, so both are built here. */
const CDN_API = 'init, captureException, captureMessage, addBreadcrumb, setUser, setTag, withScope, flush';
const BUNDLE_DIR = new URL('../../../packages/browser/build/bundle/', import.meta.url);

/** The import sets compared; `pair` names the Faultline case a Sentry case is the counterpart of. */
export const SIZE_CASES = [
  {
    name: 'faultline-browser-init',
    label: '@faultline/browser init (defaults: IndexedDB offline queue included)',
    source: `import { init } from '@faultline/browser'; init({ dsn: ${DSN} });`,
  },
  {
    name: 'faultline-browser-init-web-vitals',
    label: '@faultline/browser init + webVitalsIntegration',
    source: `import { init, webVitalsIntegration } from '@faultline/browser'; init({ dsn: ${DSN}, integrations: (d) => [...d, webVitalsIntegration()] });`,
  },
  {
    name: 'sentry-browser-init',
    label: '@sentry/browser init (defaults)',
    pair: 'faultline-browser-init',
    source: `import { init } from '@sentry/browser'; init({ dsn: ${DSN} });`,
  },
  {
    name: 'sentry-browser-init-offline',
    label: '@sentry/browser init + makeBrowserOfflineTransport (its offline queue)',
    pair: 'faultline-browser-init',
    source: `import { init, makeBrowserOfflineTransport, makeFetchTransport } from '@sentry/browser'; init({ dsn: ${DSN}, transport: makeBrowserOfflineTransport(makeFetchTransport) });`,
  },
  {
    name: 'bugsnag-browser-start',
    label: '@bugsnag/js start (defaults)',
    pair: 'faultline-browser-init',
    source: `import Bugsnag from '@bugsnag/js'; Bugsnag.start({ apiKey: '0123456789abcdef0123456789abcdef' });`,
  },
  {
    name: 'honeybadger-browser-configure',
    label: '@honeybadger-io/js configure (defaults)',
    pair: 'faultline-browser-init',
    source: `import Honeybadger from '@honeybadger-io/js'; Honeybadger.configure({ apiKey: 'hbp_0123456789abcdef0123' });`,
  },
  {
    name: 'sentry-browser-init-tracing',
    label: '@sentry/browser init + browserTracingIntegration (its web vitals)',
    pair: 'faultline-browser-init-web-vitals',
    source: `import { init, browserTracingIntegration } from '@sentry/browser'; init({ dsn: ${DSN}, integrations: [browserTracingIntegration()] });`,
  },
  {
    name: 'faultline-cdn-api',
    label: '@faultline/browser CDN-style API (init, capture*, addBreadcrumb, setUser, setTag, withScope, flush)',
    source: `export { ${CDN_API} } from '@faultline/browser';`,
  },
  {
    name: 'sentry-cdn-api',
    label: '@sentry/browser, the same API surface',
    pair: 'faultline-cdn-api',
    source: `export { ${CDN_API} } from '@sentry/browser';`,
  },
  {
    name: 'faultline-react-init-boundary',
    label: '@faultline/react init + ErrorBoundary',
    source: `import { init, ErrorBoundary } from '@faultline/react'; import { createElement } from 'react'; init({ dsn: ${DSN} }); export const app = createElement(ErrorBoundary, { fallback: null });`,
  },
  {
    name: 'sentry-react-init-boundary',
    label: '@sentry/react init + ErrorBoundary',
    pair: 'faultline-react-init-boundary',
    source: `import { init, ErrorBoundary } from '@sentry/react'; import { createElement } from 'react'; init({ dsn: ${DSN} }); export const app = createElement(ErrorBoundary, { fallback: null });`,
  },
];

const sizes = (code) => ({
  min: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code).length,
});

async function withEsbuild(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"', __SENTRY_DEBUG__: 'false' },
    // React is the app's own; only what each SDK adds is measured.
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    logLevel: 'silent',
  });
  return sizes(result.outputFiles[0].text);
}

/** What @rollup/plugin-replace does in a production app build (esbuild's `define` above does the same). */
const productionBuild = {
  name: 'production-build',
  transform: (code) =>
    code.includes('process.env.NODE_ENV') ? code.replaceAll('process.env.NODE_ENV', '"production"') : null,
};

async function withRollup(entry) {
  const bundle = await rollup({
    input: entry,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    plugins: [
      productionBuild,
      nodeResolve({ browser: true }),
      commonjs(),
      terser({ ecma: 2020, module: true, compress: { global_defs: { __SENTRY_DEBUG__: false } } }),
    ],
    onwarn: () => undefined,
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return sizes(output.map((chunk) => chunk.code ?? '').join(''));
}

/** Builds every case both ways; returns them by name. */
export async function measureBundleSizes(cases = SIZE_CASES) {
  mkdirSync(TMP, { recursive: true });
  const results = {};
  for (const testCase of cases) {
    const entry = new URL(`${testCase.name}.mjs`, TMP);
    writeFileSync(entry, `${testCase.source}\n`);
    results[testCase.name] = {
      ...testCase,
      esbuild: await withEsbuild(entry.pathname),
      rollup: await withRollup(entry.pathname),
    };
  }
  return results;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The shipped CDN file as built by `npm run build` (rollup IIFE, terser, every export). */
export const SHIPPED_CASE = {
  name: 'faultline-cdn-file',
  label: '@faultline/browser CDN file (build/bundle/faultline.min.js, every export)',
  file: 'faultline.min.js',
};

/** The loader script (`@faultline/browser/loader.min.js`), which loads the CDN file. */
export const LOADER_CASE = {
  name: 'faultline-loader',
  label: '@faultline/browser loader script (build/bundle/loader.min.js)',
  file: 'loader.min.js',
};

/** A shipped CDN file's sizes: it is measured as `npm run build` left it, not rebuilt here. */
export function measureShippedBundle({ file } = SHIPPED_CASE) {
  return sizes(readFileSync(new URL(file, BUNDLE_DIR), 'utf8'));
}

function shippedBundle(shipped) {
  const { min, gzip, brotli } = measureShippedBundle(shipped);
  return `${kib(min)} minified, ${kib(gzip)} gzip, ${kib(brotli)} brotli`;
}

export async function runBundleSize() {
  const results = await measureBundleSizes();
  const rows = Object.values(results).map((r) => {
    const pair = r.pair && results[r.pair];
    const ratio = pair ? `${((pair.esbuild.gzip / r.esbuild.gzip) * 100).toFixed(0)}%` : '—';
    return `| ${r.label} | ${kib(r.esbuild.min)} | ${kib(r.esbuild.gzip)} | ${kib(r.esbuild.brotli)} | ${kib(r.rollup.min)} | ${kib(r.rollup.gzip)} | ${kib(r.rollup.brotli)} | ${ratio} |`;
  });
  return [
    '### Browser bundle size (minified; the ratio is the Faultline counterpart’s esbuild gzip size as a share of this one)',
    '',
    '| import set | esbuild min | esbuild gzip | esbuild brotli | rollup + terser min | rollup + terser gzip | rollup + terser brotli | Faultline ÷ peer |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `The shipped CDN file \`@faultline/browser/build/bundle/faultline.min.js\` (rollup IIFE, every export): ${shippedBundle(SHIPPED_CASE)}.`,
    `The loader script \`@faultline/browser/loader.min.js\` (loads that file after \`load\` or at the first error): ${shippedBundle(LOADER_CASE)}.`,
    '',
  ].join('\n');
}
